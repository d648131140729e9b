#!/usr/bin/env python3
"""Checks Swift sources without a Swift compiler, with tree-sitter-swift.

1. Every file parses: no ERROR or MISSING node.
2. Every name of the core the sources use exists in the generated Swift bindings
   (ProprioCore.swift): types, initializer and method argument labels, record fields,
   enum cases. A field or case renamed in the core fails here, not first on a Mac.

How names are resolved, without type inference:
- A receiver whose type is known (a property, parameter or `let` declared with a core
  type, a core call's result, a field of a known record, `TypeName.`) is checked
  strictly: the member must exist on that core type, with the right labels.
- Any other name must be defined somewhere: in the app's own sources, in the
  bindings, or in the allowlist of Apple SDK and Swift names (`apple-names.txt`). A
  core name that disappears is then unknown everywhere and fails. (Its one blind spot:
  an old name that is still some other type's member, reached through an untyped
  closure parameter.)
- Calls to a core initializer, top-level function or method of `Proprio` have their
  argument labels checked against the generated signatures (defaulted ones may be left
  out, the rest in order).
- Names listed in the pending file are core names another branch is adding: missing,
  they are reported as pending, not failures; present, they fail until removed from
  the list, so the list cannot go stale.

Usage: check_swift.py --bindings ProprioCore.swift [--allow FILE] [--pending FILE] FILE...
Prints one line per check (`ok` / `FAIL`) and ends with `N passed, N failed`.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
import tree_sitter_swift

LANGUAGE = tree_sitter.Language(tree_sitter_swift.language())

# Members every Swift value has, whatever its type.
UNIVERSAL_MEMBERS = {"self", "hashValue", "description", "debugDescription", "localizedDescription", "hash"}
# Members of Optional and of Array/Sequence: allowed on a receiver declared `T?` / `[T]`.
OPTIONAL_MEMBERS = {"map", "flatMap", "unsafelyUnwrapped"}
SEQUENCE_MEMBERS = {
    "allSatisfy", "append", "compactMap", "contains", "count", "dropFirst", "dropLast", "endIndex",
    "enumerated", "filter", "first", "firstIndex", "flatMap", "forEach", "indices", "isEmpty",
    "joined", "last", "lastIndex", "map", "max", "min", "prefix", "reduce", "remove", "removeAll",
    "reversed", "sorted", "startIndex", "suffix", "insert",
}


def parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(LANGUAGE)


def text(node) -> str:
    return node.text.decode()


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def parse_problems(tree) -> list[str]:
    """ERROR and MISSING nodes, as `line:col: ...` strings."""
    out = []
    for n in walk(tree.root_node):
        if n.is_missing:
            out.append(f"{n.start_point[0] + 1}:{n.start_point[1] + 1}: missing {n.type}")
        elif n.type == "ERROR":
            snippet = text(n).splitlines()[0][:60] if text(n) else ""
            out.append(f"{n.start_point[0] + 1}:{n.start_point[1] + 1}: cannot parse: {snippet!r}")
    return out


# --- Types as written ---------------------------------------------------------------------


@dataclass(frozen=True)
class TypeRef:
    """A type as written, reduced to what member lookup needs."""

    name: str
    wrapper: str = ""  # "" plain, "?" optional, "[]" array

    def element(self) -> TypeRef:
        return TypeRef(self.name)


def type_ref(node) -> TypeRef | None:
    """`Foo`, `Foo?`, `[Foo]`, `[Foo]?` (as `[]`); None for anything else."""
    if node is None:
        return None
    t = node.type
    if t == "type_annotation":
        return type_ref(node.child_by_field_name("name"))
    if t == "user_type":
        ids = [c for c in node.named_children if c.type == "type_identifier"]
        return TypeRef(text(ids[-1])) if ids and not any(c.type == "type_arguments" for c in node.named_children) else None
    if t in ("optional_type", "implicitly_unwrapped_type"):
        inner = type_ref(node.child_by_field_name("wrapped") or node.named_children[0])
        if inner is None:
            return None
        return inner if inner.wrapper == "[]" else TypeRef(inner.name, "?")
    if t == "array_type":
        inner = type_ref(node.child_by_field_name("name") or node.named_children[0])
        return TypeRef(inner.name, "[]") if inner and not inner.wrapper else None
    return None


# --- Signatures -----------------------------------------------------------------------------


@dataclass
class Signature:
    labels: list[str | None]  # None for `_`
    defaulted: list[bool]
    returns: TypeRef | None = None

    def accepts(self, given: list[str | None]) -> bool:
        """True if `given` labels can call this: in order, defaulted ones may be left out."""
        i = 0
        for label, has_default in zip(self.labels, self.defaulted):
            if i < len(given) and given[i] == label:
                i += 1
            elif not has_default:
                return False
        return i == len(given)

    def show(self) -> str:
        return "(" + "".join(f"{label or '_'}:" for label in self.labels) + ")"


def function_signature(node) -> Signature:
    labels, defaulted = [], []
    children = node.children
    for i, c in enumerate(children):
        if c.type != "parameter":
            continue
        ext = c.child_by_field_name("external_name")
        name = c.child_by_field_name("name")
        label = text(ext) if ext is not None else text(name)
        labels.append(None if label == "_" else label)
        # A default value follows its parameter as a sibling: `=` then the value.
        nxt = children[i + 1] if i + 1 < len(children) else None
        defaulted.append(nxt is not None and nxt.type == "=")
    returns = None
    for i, c in enumerate(children):
        if c.type == "->" and i + 1 < len(children):
            returns = type_ref(children[i + 1])
    return Signature(labels, defaulted, returns)


def call_labels(call) -> list[str | None] | None:
    """The argument labels of a call_expression, or None if it has no argument list."""
    suffix = next((c for c in call.named_children if c.type == "call_suffix"), None)
    if suffix is None:
        return None
    args = next((c for c in suffix.named_children if c.type == "value_arguments"), None)
    labels: list[str | None] = []
    if args is not None:
        for arg in args.named_children:
            if arg.type != "value_argument":
                continue
            name = arg.child_by_field_name("name")
            labels.append(text(name).strip() if name is not None else None)
    # Trailing closures are unlabeled arguments after the list.
    labels += [None for c in suffix.named_children if c.type == "lambda_literal"]
    if args is None and not labels:
        return None
    return labels


# --- The bindings -----------------------------------------------------------------------------


@dataclass
class CoreType:
    name: str
    kind: str  # struct, class, enum, protocol, typealias
    fields: dict[str, TypeRef | None] = field(default_factory=dict)
    methods: dict[str, list[Signature]] = field(default_factory=dict)
    inits: list[Signature] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)
    case_labels: dict[str, list[str | None]] = field(default_factory=dict)
    conforms: set[str] = field(default_factory=set)

    def members(self) -> set[str]:
        names = set(self.fields) | set(self.methods) | self.cases
        if "CaseIterable" in self.conforms:
            names.add("allCases")
        return names


@dataclass
class Core:
    types: dict[str, CoreType] = field(default_factory=dict)
    functions: dict[str, list[Signature]] = field(default_factory=dict)

    def all_members(self) -> set[str]:
        return set().union(*(t.members() for t in self.types.values())) if self.types else set()

    def method(self, name: str) -> list[Signature]:
        return [s for t in self.types.values() for s in t.methods.get(name, [])]


def declaration_keyword(node) -> str:
    for c in node.children:
        if c.type in ("struct", "class", "enum", "extension", "actor", "protocol"):
            return c.type
    return "class"


def read_members(body, t: CoreType) -> None:
    for m in body.named_children:
        if m.type == "property_declaration":
            pattern = m.child_by_field_name("name")
            ident = pattern.child_by_field_name("bound_identifier") if pattern is not None else None
            if ident is not None:
                ann = next((c for c in m.named_children if c.type == "type_annotation"), None)
                t.fields[text(ident)] = type_ref(ann)
        elif m.type in ("function_declaration", "protocol_function_declaration"):
            name = m.child_by_field_name("name")
            if name is not None:
                t.methods.setdefault(text(name), []).append(function_signature(m))
        elif m.type == "init_declaration":
            t.inits.append(function_signature(m))
        elif m.type == "enum_entry":
            names = [c for c in m.children if c.type == "simple_identifier"]
            for n in names:
                t.cases.add(text(n))
            data = next((c for c in m.named_children if c.type == "enum_type_parameters"), None)
            if data is not None and names:
                labels = []
                for c in data.named_children:
                    if c.type == "simple_identifier":
                        labels.append(text(c))
                t.case_labels[text(names[-1])] = labels


def read_core(source: bytes) -> Core:
    core = Core()
    tree = parser().parse(source)
    for node in tree.root_node.named_children:
        if node.type in ("class_declaration", "protocol_declaration"):
            name_node = node.child_by_field_name("name")
            if name_node is None:
                continue
            name = type_ref(name_node).name if name_node.type == "user_type" else text(name_node)
            kind = "protocol" if node.type == "protocol_declaration" else declaration_keyword(node)
            t = core.types.setdefault(name, CoreType(name, kind))
            if kind != "extension":
                t.kind = kind
            for c in node.named_children:
                if c.type == "inheritance_specifier":
                    ref = type_ref(c.child_by_field_name("inherits_from"))
                    if ref:
                        t.conforms.add(ref.name)
            body = node.child_by_field_name("body")
            if body is not None:
                read_members(body, t)
        elif node.type == "function_declaration":
            core.functions.setdefault(text(node.child_by_field_name("name")), []).append(function_signature(node))
        elif node.type == "typealias_declaration":
            name_node = node.child_by_field_name("name")
            if name_node is not None:
                core.types.setdefault(text(name_node), CoreType(text(name_node), "typealias"))
    # A type the bindings only extend (Foundation's Data, NSLock) is not the core's.
    core.types = {n: t for n, t in core.types.items() if t.kind != "extension"}
    # Records get Swift's memberwise initializer when the bindings declare none.
    for t in core.types.values():
        if t.kind == "struct" and not t.inits:
            t.inits.append(Signature(list(t.fields), [False] * len(t.fields)))
    return core


# --- The app's own names ------------------------------------------------------------------------

DEFINING_FIELDS = {"name", "bound_identifier", "external_name"}
DEFINING_PARENTS = {"lambda_parameter", "enum_entry", "type_parameter", "tuple_type_item"}


def ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def after_dot(node) -> bool:
    prev = node.prev_sibling
    return prev is not None and prev.type == "."


def field_name(node) -> str | None:
    parent = node.parent
    if parent is None:
        return None
    for i, c in enumerate(parent.children):
        if c.id == node.id:
            return parent.field_name_for_child(i)
    return None


def is_definition(node) -> bool:
    parent = node.parent
    if parent is None or after_dot(node):
        return False
    if parent.type in DEFINING_PARENTS:
        return True
    if parent.type == "pattern":
        return True
    fname = field_name(node)
    if fname in DEFINING_FIELDS and parent.type not in ("value_argument", "navigation_suffix", "type_annotation"):
        return parent.type != "value_argument_label"
    return False


def app_definitions(trees) -> set[str]:
    names: set[str] = set()
    for tree in trees:
        for n in walk(tree.root_node):
            if n.type in ("simple_identifier", "type_identifier") and is_definition(n):
                names.add(text(n))
            elif n.type == "class_declaration":
                name = n.child_by_field_name("name")
                if name is not None and name.type == "type_identifier":
                    names.add(text(name))
    return names


def declared_types(trees, core: Core) -> dict[str, TypeRef]:
    """Names declared with one core type everywhere: annotated properties, parameters
    and lets, then lets initialised from a core call or initializer (a second pass, so a
    `let plan = try core.planReminders(…)` sees `core`'s annotated type)."""
    typed: dict[str, TypeRef] = {}
    for _ in range(2):
        seen: dict[str, set[TypeRef | None]] = {}

        def note(name: str, ref: TypeRef | None):
            seen.setdefault(name, set()).add(ref if ref and ref.name in core.types else None)

        for tree in trees:
            for n in walk(tree.root_node):
                if n.type == "property_declaration":
                    pattern = n.child_by_field_name("name")
                    ident = pattern.child_by_field_name("bound_identifier") if pattern is not None else None
                    if ident is None:
                        continue
                    ann = next((c for c in n.named_children if c.type == "type_annotation"), None)
                    ref = type_ref(ann) if ann is not None else None
                    if ref is None:
                        value = n.child_by_field_name("value")
                        ref = expression_type(value, core, typed) if value is not None else None
                    note(text(ident), ref)
                elif n.type == "parameter":
                    name = n.child_by_field_name("name")
                    types = [c for c in n.named_children if c.type in ("user_type", "optional_type", "array_type")]
                    if name is not None:
                        note(text(name), type_ref(types[0]) if types else None)
                elif n.type == "lambda_parameter" or (n.type == "pattern" and n.parent and n.parent.type == "for_statement"):
                    # Closure and loop variables have no written type: a name also bound
                    # this way is left untyped rather than checked against a wrong type.
                    for ident in (c for c in walk(n) if c.type == "simple_identifier"):
                        note(text(ident), None)
        typed = {name: next(iter(refs)) for name, refs in seen.items() if len(refs) == 1 and None not in refs}
    return typed


# --- Expressions ----------------------------------------------------------------------------------


def navigation_parts(node):
    """(target, member name) of a navigation_expression, or (None, None)."""
    target = node.child_by_field_name("target")
    suffix = node.child_by_field_name("suffix")
    member = suffix.child_by_field_name("suffix") if suffix is not None else None
    if member is None or member.type != "simple_identifier":
        return target, None
    return target, text(member)


def expression_type(node, core: Core, typed: dict[str, TypeRef]) -> TypeRef | None:
    """The core type of an expression, when it can be told without inference."""
    if node is None:
        return None
    t = node.type
    if t in ("try_expression", "await_expression"):
        return expression_type(node.child_by_field_name("expr") or node.named_children[-1], core, typed)
    if t == "simple_identifier":
        return typed.get(text(node))
    if t == "navigation_expression":
        target, member = navigation_parts(node)
        if target is not None and target.type == "self_expression":
            return typed.get(member or "")
        owner = expression_type(target, core, typed)
        if owner is None and member in typed:
            return typed[member]  # an app property declared with a core type: `model.profile`
        if owner is None or member is None:
            return None
        if owner.wrapper == "[]":
            return owner.element() if member in ("first", "last") else None
        ct = core.types.get(owner.name)
        ref = ct.fields.get(member) if ct else None
        if ref is not None and owner.wrapper == "?" and not ref.wrapper:
            return TypeRef(ref.name, "?")
        return ref
    if t == "call_expression":
        callee = node.named_children[0]
        if callee.type == "simple_identifier" and text(callee) in core.types:
            return TypeRef(text(callee))
        if callee.type == "simple_identifier" and text(callee) in core.functions:
            return core.functions[text(callee)][0].returns
        if callee.type == "navigation_expression":
            target, member = navigation_parts(callee)
            owner = expression_type(target, core, typed)
            ct = core.types.get(owner.name) if owner and not owner.wrapper else None
            sigs = ct.methods.get(member or "", []) if ct else []
            return sigs[0].returns if sigs else None
    return None


@dataclass
class Checker:
    core: Core
    allowed: set[str]
    pending: set[str]
    defined: set[str]
    typed: dict[str, TypeRef]
    problems: list[str] = field(default_factory=list)
    pending_used: set[str] = field(default_factory=set)

    def known(self, name: str) -> bool:
        return (
            name in self.defined
            or name in self.allowed
            or name in self.core.types
            or name in self.core.functions
            or name in self.core_members
            or name in UNIVERSAL_MEMBERS
        )

    def __post_init__(self):
        self.core_members = self.core.all_members()

    def report(self, node, message: str, name: str | None = None):
        if name is not None and name in self.pending:
            self.pending_used.add(name)
            return
        line, col = node.start_point
        self.problems.append(f"{line + 1}:{col + 1}: {message}")

    def check_labels(self, node, what: str, sigs: list[Signature], name: str):
        given = call_labels(node)
        if given is None or not sigs or any(s.accepts(given) for s in sigs):
            return
        wanted = " or ".join(s.show() for s in sigs)
        shown = "(" + "".join(f"{g or '_'}:" for g in given) + ")"
        self.report(node, f"{what} {name}{shown} matches no signature in the bindings: {name}{wanted}", name)

    def check_tree(self, tree):
        for n in walk(tree.root_node):
            if n.type == "type_identifier":
                self.check_type(n)
            elif n.type == "call_expression":
                self.check_call(n)
            elif n.type == "navigation_expression":
                self.check_navigation(n)
            elif n.type == "simple_identifier":
                self.check_identifier(n)

    def check_type(self, n):
        name = text(n)
        if not is_definition(n) and not self.known(name):
            self.report(n, f"unknown type {name}", name)

    def check_call(self, n):
        callee = n.named_children[0]
        if callee.type == "simple_identifier":
            name = text(callee)
            if name in self.core.types and name not in self.defined:
                self.check_labels(n, "initializer", self.core.types[name].inits, name)
            elif name in self.core.functions and name not in self.defined:
                self.check_labels(n, "function", self.core.functions[name], name)
        elif callee.type == "navigation_expression":
            target, member = navigation_parts(callee)
            if member is None:
                return
            owner = expression_type(target, self.core, self.typed)
            if owner is not None and not owner.wrapper and owner.name in self.core.types:
                sigs = self.core.types[owner.name].methods.get(member, [])
                self.check_labels(n, "method", sigs, member)
            elif target is not None and target.type == "simple_identifier" and text(target) in self.core.types:
                sigs = self.core.types[text(target)].methods.get(member, [])
                self.check_labels(n, "method", sigs, member)
            elif member not in self.defined and member not in self.allowed:
                self.check_labels(n, "method", self.core.method(member), member)

    def check_navigation(self, n):
        target, member = navigation_parts(n)
        if member is None:
            return
        suffix = n.child_by_field_name("suffix")
        owner = expression_type(target, self.core, self.typed)
        if target is not None and target.type == "simple_identifier" and text(target) in self.core.types \
                and text(target) not in self.typed:
            owner = TypeRef(text(target))
        if owner is not None and owner.name in self.core.types:
            members = self.core.types[owner.name].members() | UNIVERSAL_MEMBERS
            extra = SEQUENCE_MEMBERS if owner.wrapper == "[]" else OPTIONAL_MEMBERS if owner.wrapper == "?" else set()
            if owner.wrapper == "[]":
                ok = member in extra
            else:
                ok = member in members or member in extra or member in self.defined
            if not ok:
                shown = {"": owner.name, "?": owner.name + "?", "[]": f"[{owner.name}]"}[owner.wrapper]
                self.report(suffix, f"{shown} has no member {member} in the bindings", member)
        elif not self.known(member):
            self.report(suffix, f"unknown member .{member}", member)

    def check_identifier(self, n):
        parent = n.parent
        if parent is None or is_definition(n):
            return
        if parent.type in ("navigation_suffix", "value_argument_label", "enum_entry"):
            return
        if parent.type in ("function_declaration", "class_declaration", "protocol_declaration", "parameter"):
            return
        name = text(n)
        if name.startswith("$") or name == "_" or self.known(name):
            return
        if any(a.type == "import_declaration" for a in ancestors(n)):
            return
        what = "unknown member ." if after_dot(n) else "unknown name "
        self.report(n, f"{what}{name}", name)


def imports_core(tree) -> bool:
    return any(
        n.type == "import_declaration" and "ProprioCore" in text(n).split()
        for n in tree.root_node.named_children
    )


def read_names(path: Path | None) -> set[str]:
    if path is None:
        return set()
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.update(line.split())
    return names


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bindings", type=Path, required=True, help="the generated ProprioCore.swift")
    ap.add_argument("--allow", type=Path, help="Apple SDK / Swift names, whitespace separated, # comments")
    ap.add_argument("--pending", type=Path, help="core names another branch is adding")
    ap.add_argument("--root", type=Path, default=Path.cwd(), help="paths are shown relative to this")
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)

    core = read_core(args.bindings.read_bytes())
    if "Proprio" not in core.types:
        print(f"FAIL bindings: no Proprio type in {args.bindings}")
        print("0 passed, 1 failed")
        return 1
    pending = read_names(args.pending)
    p = parser()
    trees, passed, failed = {}, 0, 0

    def show(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(args.root.resolve()))
        except ValueError:
            return str(path)

    for path in args.files:
        tree = p.parse(path.read_bytes())
        problems = parse_problems(tree)
        if problems:
            failed += 1
            print(f"FAIL parse {show(path)}")
            for problem in problems:
                print(f"    {show(path)}:{problem}")
        else:
            passed += 1
            print(f"ok   parse {show(path)}")
            trees[path] = tree

    defined = app_definitions(trees.values())
    typed = declared_types(trees.values(), core)
    pending_used: set[str] = set()
    for path, tree in trees.items():
        if not imports_core(tree):
            # A Package.swift and the like: the core's names are not in scope there (and
            # PackageDescription's Context is not the core's).
            passed += 1
            print(f"ok   core names {show(path)} (does not import ProprioCore)")
            continue
        checker = Checker(core, read_names(args.allow), pending, defined, typed)
        checker.check_tree(tree)
        pending_used |= checker.pending_used
        if checker.problems:
            failed += 1
            print(f"FAIL core names {show(path)}")
            for problem in checker.problems:
                print(f"    {show(path)}:{problem}")
        else:
            passed += 1
            print(f"ok   core names {show(path)}")

    present = sorted(name for name in pending if name in core.types or name in core.functions or name in core.all_members())
    if present:
        failed += 1
        print(f"FAIL pending names now in the bindings, remove them from {args.pending}: {', '.join(present)}")
    for name in sorted(pending_used - set(present)):
        print(f"note pending: {name} is not in the bindings yet (listed in {args.pending})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
