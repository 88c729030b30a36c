// AST node types shaped exactly like CPython's `ast` module (Python/Python.asdl, 3.12/3.13).
//
// Invariants:
// - every node is a plain object whose `type` is the CPython class name;
// - field names and order follow the ASDL (`_fields`), so a JSON dump compares with CPython's;
// - operators, boolop, cmpop, unaryop and expr_context are string literals, not nodes;
// - positions are CPython's: lines 1-based, columns in UTF-8 bytes from the start of the line;
// - nodes carry nothing else (no parent pointers, no token references).

/** `_attributes` of stmt, expr, excepthandler, arg, keyword, alias, pattern and type_param. */
export interface Located {
  lineno: number;
  /** UTF-8 byte offset of the first character, from the start of its line. */
  col_offset: number;
  end_lineno: number;
  /** UTF-8 byte offset just past the last character, from the start of its line. */
  end_col_offset: number;
}

// ---------------------------------------------------------------------------------------------
// Simple sums (string literal unions)

export type ExprContext = "Load" | "Store" | "Del";
export type BoolOperator = "And" | "Or";
export type Operator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";
export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

// ---------------------------------------------------------------------------------------------
// Constants

/** The Python value of a `Constant` (and of `MatchSingleton`), as a tagged union. */
export type ConstantValue =
  | { kind: "int"; value: bigint }
  | { kind: "float"; value: number }
  /** A complex literal is always purely imaginary in source (`2j`); the real part is 0. */
  | { kind: "complex"; imag: number }
  /** A JS string; astral characters are surrogate pairs, lone surrogates are kept as such. */
  | { kind: "str"; value: string }
  | { kind: "bytes"; value: Uint8Array }
  | { kind: "bool"; value: boolean }
  | { kind: "None" }
  | { kind: "Ellipsis" };

// ---------------------------------------------------------------------------------------------
// mod

export interface Module {
  type: "Module";
  body: Stmt[];
  /** Always empty: type comments are ignored. */
  type_ignores: TypeIgnore[];
}

export interface Interactive {
  type: "Interactive";
  body: Stmt[];
}

export interface Expression {
  type: "Expression";
  body: Expr;
}

export interface FunctionType {
  type: "FunctionType";
  argtypes: Expr[];
  returns: Expr;
}

export type Mod = Module | Interactive | Expression | FunctionType;

export interface TypeIgnore {
  type: "TypeIgnore";
  lineno: number;
  tag: string;
}

// ---------------------------------------------------------------------------------------------
// stmt

export interface FunctionDef extends Located {
  type: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
  type_params: TypeParam[];
}

export interface AsyncFunctionDef extends Located {
  type: "AsyncFunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
  type_params: TypeParam[];
}

export interface ClassDef extends Located {
  type: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
  type_params: TypeParam[];
}

export interface Return extends Located {
  type: "Return";
  value: Expr | null;
}

export interface Delete extends Located {
  type: "Delete";
  targets: Expr[];
}

export interface Assign extends Located {
  type: "Assign";
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}

/** `type X[T] = ...` (3.12+). */
export interface TypeAlias extends Located {
  type: "TypeAlias";
  name: Name;
  type_params: TypeParam[];
  value: Expr;
}

export interface AugAssign extends Located {
  type: "AugAssign";
  target: Name | Attribute | Subscript;
  op: Operator;
  value: Expr;
}

export interface AnnAssign extends Located {
  type: "AnnAssign";
  target: Name | Attribute | Subscript;
  annotation: Expr;
  value: Expr | null;
  /** 1 when the target is a bare name not in parentheses, else 0. */
  simple: number;
}

export interface For extends Located {
  type: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}

export interface AsyncFor extends Located {
  type: "AsyncFor";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}

export interface While extends Located {
  type: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface If extends Located {
  type: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends Located {
  type: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface AsyncWith extends Located {
  type: "AsyncWith";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface Match extends Located {
  type: "Match";
  subject: Expr;
  cases: MatchCase[];
}

export interface Raise extends Located {
  type: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends Located {
  type: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface TryStar extends Located {
  type: "TryStar";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface Assert extends Located {
  type: "Assert";
  test: Expr;
  msg: Expr | null;
}

export interface Import extends Located {
  type: "Import";
  names: Alias[];
}

export interface ImportFrom extends Located {
  type: "ImportFrom";
  /** null for `from . import x`. */
  module: string | null;
  names: Alias[];
  /** Number of leading dots. */
  level: number;
}

export interface Global extends Located {
  type: "Global";
  names: string[];
}

export interface Nonlocal extends Located {
  type: "Nonlocal";
  names: string[];
}

export interface ExprStmt extends Located {
  type: "Expr";
  value: Expr;
}

export interface Pass extends Located {
  type: "Pass";
}

export interface Break extends Located {
  type: "Break";
}

export interface Continue extends Located {
  type: "Continue";
}

export type Stmt =
  | FunctionDef
  | AsyncFunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | TypeAlias
  | AugAssign
  | AnnAssign
  | For
  | AsyncFor
  | While
  | If
  | With
  | AsyncWith
  | Match
  | Raise
  | Try
  | TryStar
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

// ---------------------------------------------------------------------------------------------
// expr

export interface BoolOp extends Located {
  type: "BoolOp";
  op: BoolOperator;
  /** Two or more operands; `a or b or c` is one BoolOp with three values. */
  values: Expr[];
}

export interface NamedExpr extends Located {
  type: "NamedExpr";
  target: Name;
  value: Expr;
}

export interface BinOp extends Located {
  type: "BinOp";
  left: Expr;
  op: Operator;
  right: Expr;
}

export interface UnaryOp extends Located {
  type: "UnaryOp";
  op: UnaryOperator;
  operand: Expr;
}

export interface Lambda extends Located {
  type: "Lambda";
  args: Arguments;
  body: Expr;
}

export interface IfExp extends Located {
  type: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}

export interface Dict extends Located {
  type: "Dict";
  /** A null key marks a `**mapping` entry whose mapping is the value at the same index. */
  keys: (Expr | null)[];
  values: Expr[];
}

export interface SetExpr extends Located {
  type: "Set";
  elts: Expr[];
}

export interface ListComp extends Located {
  type: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface SetComp extends Located {
  type: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface DictComp extends Located {
  type: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}

export interface GeneratorExp extends Located {
  type: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}

export interface Await extends Located {
  type: "Await";
  value: Expr;
}

export interface Yield extends Located {
  type: "Yield";
  value: Expr | null;
}

export interface YieldFrom extends Located {
  type: "YieldFrom";
  value: Expr;
}

export interface Compare extends Located {
  type: "Compare";
  left: Expr;
  ops: CmpOperator[];
  comparators: Expr[];
}

export interface Call extends Located {
  type: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}

/** Conversion codes as CPython stores them: -1 none, 115 `!s`, 114 `!r`, 97 `!a`. */
export type Conversion = -1 | 115 | 114 | 97;

export interface FormattedValue extends Located {
  type: "FormattedValue";
  value: Expr;
  conversion: Conversion;
  /** Always a JoinedStr when present. */
  format_spec: Expr | null;
}

export interface JoinedStr extends Located {
  type: "JoinedStr";
  /** Constant (str) and FormattedValue parts. */
  values: Expr[];
}

export interface Constant extends Located {
  type: "Constant";
  value: ConstantValue;
  /** "u" when the first string of the literal had a `u` prefix, else undefined (None). */
  kind?: "u";
}

export interface Attribute extends Located {
  type: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}

export interface Subscript extends Located {
  type: "Subscript";
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}

export interface Starred extends Located {
  type: "Starred";
  value: Expr;
  ctx: ExprContext;
}

export interface Name extends Located {
  type: "Name";
  /** NFKC-normalised identifier, as CPython stores it. */
  id: string;
  ctx: ExprContext;
}

export interface List extends Located {
  type: "List";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Tuple extends Located {
  type: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Slice extends Located {
  type: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

// ---------------------------------------------------------------------------------------------
// Product types and other sums

export interface Comprehension {
  type: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  /** 1 for `async for`, else 0. */
  is_async: number;
}

export interface ExceptHandler extends Located {
  type: "ExceptHandler";
  /**
   * CPython's field `type` (the exception class expression; null for a bare `except:`),
   * renamed because `type` is our discriminant. Dumps write it back as "type".
   */
  exc_type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Arguments {
  type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per kwonlyarg; null where that argument has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional (posonly + regular) parameters. */
  defaults: Expr[];
}

export interface Arg extends Located {
  type: "arg";
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}

export interface Keyword extends Located {
  type: "keyword";
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}

export interface Alias extends Located {
  type: "alias";
  /** Dotted name, or "*" for `from m import *`. */
  name: string;
  asname: string | null;
}

export interface WithItem {
  type: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

export interface MatchCase {
  type: "match_case";
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

// ---------------------------------------------------------------------------------------------
// pattern (3.10+)

export interface MatchValue extends Located {
  type: "MatchValue";
  value: Expr;
}

export interface MatchSingleton extends Located {
  type: "MatchSingleton";
  value: { kind: "None" } | { kind: "bool"; value: boolean };
}

export interface MatchSequence extends Located {
  type: "MatchSequence";
  patterns: Pattern[];
}

export interface MatchMapping extends Located {
  type: "MatchMapping";
  keys: Expr[];
  patterns: Pattern[];
  rest: string | null;
}

export interface MatchClass extends Located {
  type: "MatchClass";
  cls: Expr;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}

export interface MatchStar extends Located {
  type: "MatchStar";
  name: string | null;
}

export interface MatchAs extends Located {
  type: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}

export interface MatchOr extends Located {
  type: "MatchOr";
  patterns: Pattern[];
}

export type Pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;

// ---------------------------------------------------------------------------------------------
// type_param (3.12+; default_value is 3.13+)

export interface TypeVar extends Located {
  type: "TypeVar";
  name: string;
  bound: Expr | null;
  default_value: Expr | null;
}

export interface ParamSpec extends Located {
  type: "ParamSpec";
  name: string;
  default_value: Expr | null;
}

export interface TypeVarTuple extends Located {
  type: "TypeVarTuple";
  name: string;
  default_value: Expr | null;
}

export type TypeParam = TypeVar | ParamSpec | TypeVarTuple;

/** Every node kind, for generic walkers. */
export type Node =
  | Mod
  | TypeIgnore
  | Stmt
  | Expr
  | Comprehension
  | ExceptHandler
  | Arguments
  | Arg
  | Keyword
  | Alias
  | WithItem
  | MatchCase
  | Pattern
  | TypeParam;
