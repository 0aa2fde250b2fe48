/** @file The package version, shown by `sparsec --version` and written into manifests. */
export const VERSION = '0.1.0';
