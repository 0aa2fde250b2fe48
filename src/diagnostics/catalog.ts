/**
 * @file The catalogue of diagnostic codes. Codes are stable: never renumber or reuse one.
 * Ranges: SPC001-009 files and bytes, SPC010-011 and SPC020-029 syntax, SPC012 and SPC030-099
 * names and types, SPC100-199 kernel fields and sizes, SPC200-299 command line and build, SPC300-399 warnings.
 * Each message is a template; `{0}`, `{1}` are filled from the arguments.
 */
import type { Severity } from './diagnostic.js';

export interface CatalogueEntry {
  readonly severity: Severity;
  readonly message: string;
  /** One line for `docs/diagnostics.md`: when this is reported. */
  readonly doc: string;
}

export const CATALOGUE = {
  // ---- files and bytes ----
  SPC001: { severity: 'error', message: "cannot read '{0}': {1}", doc: 'A file or import could not be read.' },
  SPC002: { severity: 'error', message: 'file is not valid UTF-8 text (bad byte 0x{0} at offset {1})', doc: 'A source file holds bytes that are not UTF-8.' },
  SPC003: { severity: 'error', message: 'file is too large ({0} bytes; the limit is {1})', doc: 'A source file exceeds the size limit.' },
  SPC004: { severity: 'error', message: 'nesting is too deep (more than {0} levels)', doc: 'Parentheses, brackets or operators nest deeper than the documented limit.' },
  SPC005: { severity: 'error', message: "import cycle: {0}", doc: 'Files import each other in a cycle.' },
  SPC006: { severity: 'error', message: "no .sparse or .ts spec files found in '{0}'", doc: 'A folder given on the command line holds no spec files.' },
  SPC007: { severity: 'error', message: "unsupported file type '{0}' (expected .sparse or .ts)", doc: 'A path on the command line is neither .sparse nor .ts.' },
  SPC008: { severity: 'error', message: 'error in TypeScript spec: {0}', doc: 'A .ts spec file failed to load or export valid declarations.' },
  // ---- lexing and syntax ----
  SPC010: { severity: 'error', message: "unexpected character '{0}'", doc: 'The lexer met a character that starts no token.' },
  SPC011: { severity: 'error', message: '{0}', doc: 'The parser met a token that does not fit the grammar (message says what was expected).' },
  SPC020: { severity: 'error', message: 'unterminated block comment', doc: 'A /* comment is never closed.' },
  SPC021: { severity: 'error', message: 'unterminated string', doc: 'A string literal (import path) is never closed.' },
  SPC022: { severity: 'error', message: "integer literal '{0}' is too large (limit 2^31 - 1)", doc: 'An integer literal does not fit in 32 bits.' },
  SPC023: { severity: 'error', message: "invalid number '{0}'", doc: 'A numeric literal is malformed.' },
  // ---- names and types (checker) ----
  SPC012: { severity: 'error', message: "unknown name '{0}'{1}", doc: 'A name is not a parameter, built-in, pattern or runtime input in scope.' },
  // ---- names, scopes and calls (checker) ----
  SPC030: { severity: 'error', message: "'{0}' is already declared in this scope (first at {1})", doc: 'Two patterns with one name are visible in one file (its own declarations plus those of the files it imports), or a kernel declares two runtime inputs with one name.' },
  SPC031: { severity: 'error', message: "duplicate parameter '{0}'", doc: 'A pattern declares two parameters with one name.' },
  SPC032: { severity: 'error', message: "duplicate kernel name '{0}' (first at {1}); kernel names must be unique across the program", doc: 'Two kernels anywhere in the program share a name (kernels become exports).' },
  SPC033: { severity: 'error', message: "unknown pattern or function '{0}'{1}", doc: 'A call names neither a built-in function nor a pattern in scope.' },
  SPC034: { severity: 'error', message: "'{0}' is {1} and cannot be called", doc: 'A call names a parameter, built-in index, size or runtime input instead of a pattern or function.' },
  SPC035: { severity: 'error', message: "pattern '{0}' has no parameter '{1}'{2}", doc: 'A named argument does not match any parameter of the called pattern.' },
  SPC036: { severity: 'error', message: "missing argument '{1}' for pattern '{0}' (the parameter has no default)", doc: 'A pattern is called, or named without a call, and a compile-time parameter without default gets no argument.' },
  SPC037: { severity: 'error', message: "too many arguments for pattern '{0}': it takes {1}, got {2}", doc: 'A pattern call has more positional arguments than the pattern has parameters.' },
  SPC038: { severity: 'error', message: "argument '{0}' is given more than once", doc: 'A pattern call gives one parameter twice (positionally and by name, or by name twice).' },
  SPC039: { severity: 'error', message: 'recursive pattern: {0}', doc: 'Patterns call each other in a cycle (directly or indirectly); the message spells the cycle.' },
  SPC040: { severity: 'error', message: 'positional argument after a named argument', doc: 'In a call, positional arguments must come before named ones.' },
  SPC041: { severity: 'error', message: "'{0}' takes {1}, got {2}", doc: 'A built-in function (min, max, abs, popcount, qb, kb, tanh, exp, log, sqrt, sin, cos, exp2, log2, nm, bsr, threshold) gets the wrong number of arguments.' },
  SPC042: { severity: 'error', message: "built-in '{0}' takes no named arguments", doc: 'A built-in function is called with `name = value` arguments.' },
  SPC043: { severity: 'error', message: "'{0}' is a built-in name and cannot be redeclared", doc: 'A pattern, parameter or runtime input is named like a built-in (b, h, q, k, qi, kvh, causal, score, a size, or a built-in function).' },
  SPC044: { severity: 'error', message: "{0} expands to too large an expression (more than {1} pattern calls)", doc: 'Inlining pattern calls would build a huge mask (for example each pattern calling the previous one twice, 30 levels deep).' },
  // ---- types (checker) ----
  SPC050: { severity: 'error', message: '{0} must be bool, found {1}', doc: 'A pattern body or the pattern of `attention(...)` is not a bool expression.' },
  SPC051: { severity: 'error', message: "operator '{0}' needs {1} operands, found {2}", doc: 'An operator gets operands of the wrong type (`&& || !` need bool; arithmetic and comparisons need numbers; `% & | ^ << >>` and popcount need int; a bool meeting a number in `+ - * /` gets a note suggesting `c ? 1.0 : 0.0`).' },
  SPC052: { severity: 'error', message: "argument {0} of '{1}' must be {2}, found {3}", doc: 'A pattern or function argument has the wrong type.' },
  SPC053: { severity: 'error', message: "left side of 'in' must be int, found {0}", doc: 'The value tested by `x in list` is not an int.' },
  SPC054: { severity: 'error', message: "right side of 'in' must be an element of a runtime list, such as 'cols[b, h]'", doc: 'The right side of `in` is not an indexed `list<i32>` runtime input.' },
  SPC055: { severity: 'error', message: "'{0}' takes {1}, got {2}", doc: 'A table, runtime tensor, list or block layout is indexed with the wrong number of indices (a table takes 1, a tensor one per axis, blocks<BQ, BK> 4).' },
  SPC056: { severity: 'error', message: 'index must be int, found {0}', doc: 'An index expression is not an int.' },
  SPC057: { severity: 'error', message: "{0} '{1}' is used without an index", doc: 'A table or runtime input is used as a value without `[...]`.' },
  SPC058: { severity: 'error', message: "'{0}' cannot be indexed (it is {1})", doc: 'Indexing applied to something that is not a table or a runtime input.' },
  SPC059: { severity: 'error', message: "'score' can only be used in a 'score = ...' field", doc: 'The built-in `score` appears outside a score modifier.' },
  SPC060: { severity: 'error', message: "'{0}' can only be used in a 'score = ...' field", doc: 'A float function (tanh, exp, log, sqrt, sin, cos, exp2, log2) or `inf` appears outside a score modifier.' },
  SPC061: { severity: 'error', message: "branches of '?:' have different types ({0} and {1})", doc: 'The two branches of `c ? a : b` differ in type (an int and a float mix to float; bool and a number do not).' },
  SPC062: { severity: 'error', message: "condition of '?:' must be bool, found {0}", doc: 'The condition of `c ? a : b` is not bool.' },
  SPC063: { severity: 'error', message: "default of table '{0}' must be a non-empty literal array of {1}", doc: 'A table parameter default is not a literal array of the declared element type.' },
  SPC064: { severity: 'error', message: "default of '{0}' must be a compile-time {1}, found {2}", doc: 'A parameter default does not have the declared type or is not a compile-time value.' },
  SPC065: { severity: 'error', message: "argument '{0}' of '{1}' must be a compile-time {2}, but it depends on {3}", doc: 'A compile-time parameter is given a value that varies per point (b, h, q, k, score) or a runtime input.' },
  SPC066: { severity: 'error', message: "argument '{0}' of '{1}' must name a runtime input of type {2}", doc: 'A runtime parameter is given something other than the name of a runtime input of the caller.' },
  SPC067: { severity: 'error', message: "runtime input '{0}' has type {1}, but parameter '{2}' of '{3}' needs {4}", doc: 'A runtime input passed to a pattern has a different type than the parameter.' },
  SPC068: { severity: 'error', message: "runtime input '{0}' is declared with two different types ({1} and {2})", doc: 'Two runtime inputs of one kernel share a name but not a type.' },
  SPC069: { severity: 'error', message: "runtime list '{0}' can only be used on the right of 'in'", doc: 'A `list<i32>` input is read as a value instead of being tested with `x in list[...]`.' },
  SPC070: { severity: 'error', message: 'array literals are only allowed as table values', doc: 'An array literal appears where no table (default or argument of a table parameter) is expected.' },
  SPC071: { severity: 'error', message: 'score expression must be a number, found {0}', doc: 'A `score = ...` field is not a numeric expression.' },
  SPC072: { severity: 'error', message: "unknown size '{0}' in a tensor axis{1}", doc: 'A tensor axis names something other than batch, heads, kv_heads, head_dim, value_dim, q_len or kv_len.' },
  SPC073: { severity: 'error', message: 'axis length must be a positive integer, found {0}', doc: 'A tensor axis is a number that is not positive.' },
  SPC074: { severity: 'error', message: 'block sizes must be positive, found blocks<{0}, {1}>', doc: 'A `blocks<BQ, BK>` type has a block size that is not positive.' },
  SPC075: { severity: 'error', message: "block size of '{0}' must be a positive int, found {1}", doc: 'qb(B) or kb(B) with B zero, negative or not an int.' },
  SPC076: { severity: 'error', message: 'division by zero', doc: 'A division or remainder whose divisor is the constant 0.' },
  SPC077: { severity: 'error', message: "runtime parameter '{0}' cannot have a default", doc: 'A parameter of runtime type (tensor, list, blocks) has a default value.' },
  SPC078: { severity: 'error', message: "argument '{0}' of '{1}' must be a table of {2} (a literal array or a table parameter)", doc: 'A table parameter is given something other than a literal array or a table of the same element type.' },
  SPC079: { severity: 'error', message: "runtime input '{0}' must have a tensor, list or blocks type, found {1}", doc: 'A kernel runtime input is declared with a compile-time type (int, float, bool, int[]).' },
  // ---- provable out-of-range indices (checker) ----
  SPC080: { severity: 'error', message: "index {0} of '{1}' is out of range: it can be {2}, outside {3}", doc: 'An index of a runtime tensor, list or block layout provably leaves its axis for some point of the kernel (interval bounds from the static sizes).' },
  SPC081: { severity: 'error', message: "index of table '{0}' is out of range: it can be {1}, but the table has {2} entries", doc: 'A compile-time table is provably indexed outside its entries (for example `spans[h]` with fewer entries than heads).' },
  // ---- kernel fields and sizes (checker) ----
  SPC100: { severity: 'error', message: "unknown field '{0}' in {1} kernel{2}", doc: 'A kernel field name is not known (with a suggestion when one is close).' },
  SPC101: { severity: 'error', message: "field '{0}' is given more than once", doc: 'A kernel field is assigned twice.' },
  SPC102: { severity: 'error', message: "{0} kernel '{1}' is missing the required field '{2}'", doc: 'A required field is absent: heads, head_dim and seq (or q_len and kv_len) for attention; m, n and k for gemm.' },
  SPC103: { severity: 'error', message: "'seq' sets both q_len and kv_len and cannot be combined with '{0}'", doc: '`seq` given together with `q_len` or `kv_len`.' },
  SPC104: { severity: 'error', message: "'{0}' must be a positive integer or 'dynamic', found {1}", doc: 'A size field is not a positive compile-time integer or `dynamic`.' },
  SPC105: { severity: 'error', message: 'kv_heads ({0}) must divide heads ({1})', doc: 'The static kv_heads does not divide the static heads.' },
  SPC106: { severity: 'error', message: 'q_len ({0}) must not exceed kv_len ({1})', doc: 'Static q_len larger than static kv_len.' },
  SPC107: { severity: 'error', message: 'dtype must be f32, f16 or bf16, found {0}', doc: 'Unknown storage dtype.' },
  SPC108: { severity: 'error', message: 'unknown output {0} (expected out, lse, block_max(BQ, BK) or segment_mass(seg, S))', doc: 'An `outputs` entry is neither `out`, `lse`, `block_max(BQ, BK)` nor `segment_mass(seg, S)`.' },
  SPC109: { severity: 'error', message: "output '{0}' is listed more than once", doc: 'An `outputs` entry is repeated.' },
  SPC110: { severity: 'error', message: 'scale must be a positive compile-time number, found {0}', doc: '`scale` is not a positive compile-time number.' },
  SPC111: { severity: 'error', message: "'{0}' is a field of {1} kernels and cannot be used in {2} kernel", doc: 'An attention-only field in a gemm kernel, or a gemm-only field in an attention kernel.' },
  SPC112: { severity: 'error', message: "field '{0}' takes one value, got {1}", doc: 'A field other than `outputs` is given a comma-separated list.' },
  SPC113: { severity: 'error', message: "unknown schedule target '{0}' (expected {1}){2}", doc: 'A `schedule TARGET { ... }` block names a target that has no table `targets/TARGET.json`.' },
  SPC114: { severity: 'error', message: "schedule setting '{0}' must be a number, true, false or a name", doc: 'A schedule setting value is an expression rather than a literal.' },
  SPC115: { severity: 'error', message: "schedule for '{0}' is given more than once", doc: 'Two schedule blocks for one target in one kernel.' },
  SPC116: { severity: 'error', message: "schedule setting '{0}' is given more than once", doc: 'A key repeats inside one schedule block.' },
  SPC117: { severity: 'error', message: "gemm kernels take no runtime inputs (found '{0}')", doc: 'A `NAME: TYPE` runtime input declared in a gemm kernel.' },
  SPC118: { severity: 'error', message: "unknown schedule setting '{0}' for target {1}{2}", doc: 'A `schedule TARGET { ... }` block sets a key that is neither a shared schedule key nor one `targets/TARGET.json` declares.' },
  SPC119: { severity: 'error', message: "schedule setting '{0}' on {1} must be {2}", doc: 'A schedule setting has a value its key does not allow (a tile size out of range, a number where true/false belongs).' },
  SPC120: { severity: 'error', message: 'weight must be dense, nm(N, M), bsr(R, C) or csr, found {0}', doc: 'Unknown gemm weight format.' },
  SPC121: { severity: 'error', message: 'nm(N, M) needs 1 <= N < M <= 64, found nm({0}, {1})', doc: 'N:M sparsity parameters out of range.' },
  SPC122: { severity: 'error', message: 'k ({0}) must be a multiple of M = {1} for nm({2}, {1})', doc: 'With static k, nm(N, M) needs k divisible by M.' },
  SPC123: { severity: 'error', message: 'bsr(R, C) needs R >= 1 and C >= 1, found bsr({0}, {1})', doc: 'Block sizes of bsr below 1.' },
  SPC124: { severity: 'error', message: 'bsr block {0} = {1} must divide {2} ({3})', doc: 'With static n (k), the bsr block rows R (columns C) must divide it.' },
  SPC125: { severity: 'error', message: 'input must be threshold(T) with a compile-time number T >= 0, found {0}', doc: 'The gemm `input` rule is not `threshold(T)` with T >= 0.' },
  SPC126: { severity: 'error', message: 'bias must be f32[n], found {0}', doc: 'The gemm `bias` field is not `f32[n]`.' },
  SPC127: { severity: 'error', message: 'epilogue must be relu, silu or gelu, found {0}', doc: 'Unknown gemm epilogue.' },
  SPC128: { severity: 'error', message: "arguments of '{0}' must be compile-time integers, found {1}", doc: 'nm(N, M) or bsr(R, C) with an argument that is not a compile-time integer.' },
  SPC129: { severity: 'error', message: '{0} of {1} must be a positive compile-time int, found {2}', doc: 'An argument of a side output (`block_max(BQ, BK)` block sizes, the segment count of `segment_mass(seg, S)`) is not a positive compile-time int, or the segment input is not a name.' },
  SPC130: { severity: 'error', message: "segment_mass needs '{0}' to be a runtime input of this kernel of type i32[batch, kv_len] or i32[kv_len]", doc: 'The segment ids of `segment_mass(seg, S)` are not a runtime input `seg: i32[batch, kv_len]` (or `i32[kv_len]`) of the kernel.' },
  SPC131: { severity: 'error', message: 'kv_layout must be contiguous or paged(page_size), found {0}', doc: 'The `kv_layout` field is neither `contiguous` nor `paged(P)` with one argument.' },
  SPC132: { severity: 'error', message: 'the page size of paged(...) must be a positive power of two, found {0}', doc: '`kv_layout = paged(P)` with P not a compile-time power of two >= 1 (a key tile must fit in one page).' },
  SPC133: { severity: 'error', message: "a paged kernel reads its pages from the implicit input '{0}', so no runtime input of the kernel or its pattern may be called '{0}'", doc: 'A kernel with `kv_layout = paged(P)` declares (or its pattern takes) a runtime input named `block_table`, the name of its implicit block table.' },
  SPC134: { severity: 'error', message: "a ragged kernel reads each sequence's length from the implicit input '{0}', so no runtime input of the kernel or its pattern may be called '{0}'", doc: 'A kernel with `kv_len = ragged` declares (or its pattern takes) a runtime input named `kv_lens`, the name of its implicit per-sequence lengths.' },
  SPC135: { severity: 'error', message: "'ragged' is a value of kv_len only (with q_len given), found it in '{0}'", doc: '`ragged` given to a size other than `kv_len` (or to `seq`): only the key length of each sequence may vary.' },
  SPC150: { severity: 'error', message: 'the score source of a selector must be pooled(POOL) or pooled(Q_POOL, K_POOL) with mean or max (K_POOL also bound), or last_queries(N) with an int N >= 1, found {0}', doc: 'A `select(...)` kernel whose score source is neither `pooled(P)` nor `pooled(PQ, PK)` with each pooling `mean` or `max` (the key pooling also `bound`), nor `last_queries(N)` with a positive int `N`.' },
  SPC151: { severity: 'error', message: 'output of a selector must be blocks(BQ, BK) with positive compile-time ints, found {0}', doc: 'The `output` field of a selector is not `blocks(BQ, BK)` with positive compile-time int block sizes.' },
  SPC152: { severity: 'error', message: 'rule must be topk(N) with an int N >= 1, threshold(T) or mass(G) with a number in (0, 1], found {0}', doc: 'The `rule` field of a selector is not `topk(N)`, `threshold(T)` or `mass(G)` with arguments in range.' },
  SPC153: { severity: 'error', message: 'force must list diagonal and / or first, found {0}', doc: 'The `force` field of a selector names something other than `diagonal` and `first`, or names one twice.' },
  SPC154: { severity: 'error', message: "{0} must be {1}, found {2}", doc: 'The `share` (head or group) or `causal` (true or false) field of a selector has another value.' },
  SPC155: { severity: 'error', message: "selector kernels take no runtime inputs (found '{0}')", doc: 'A `NAME: TYPE` runtime input declared in a `select(...)` kernel: a selector reads only Q and K.' },
  SPC156: { severity: 'error', message: 'rule = vertical_slash(KV, KS) takes ints KV, KS >= 1 and goes with select(last_queries(N)) only, found {0}', doc: 'A vertical-slash selector (`select(last_queries(N))`) whose rule is not `vertical_slash(KV, KS)` with positive int sizes, or a `pooled(...)` selector with a `vertical_slash` rule.' },
  SPC157: { severity: 'error', message: 'force of a vertical-slash selector must be first(N) (0 <= N <= {1}) and / or diagonal(N) (0 <= N <= {2}), each once, found {0}', doc: 'The `force` field of a `select(last_queries(N))` kernel is not `first(N)` / `diagonal(N)` with `N` at most the rule\'s column / offset count, or names one twice.' },
  SPC158: { severity: 'error', message: "field '{0}' does not apply to a vertical-slash selector: {1}", doc: 'A `select(last_queries(N))` kernel sets `output`, `share` or `causal = false`, which only block selectors take.' },
  // ---- warnings (the spec checks clean; the kernel is probably not what was meant) ----
  SPC300: { severity: 'warning', message: "the mask of kernel '{0}' is always false: it allows no key at any sequence length tried ({1}, as prefill and as decode) nor at the declared sizes", doc: 'A kernel without runtime inputs whose mask allows nothing: its output would be all zeros (and lse -inf).' },
  SPC301: { severity: 'warning', message: "every row of kernel '{0}' is empty at its declared sizes (q_len {1}, kv_len {2}): no query sees any key", doc: 'A kernel without runtime inputs whose mask allows nothing at its declared static sizes, though it does at others.' },
  SPC302: { severity: 'warning', message: "kernel '{0}': the window {1} is not smaller than the sequence (kv_len {2}), so it restricts nothing", doc: 'A `q - k < window` term whose window is at least the declared static kv_len: every key is within it.' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;
