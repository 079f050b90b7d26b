"""Import-linter contract types of this project (loaded by `lint-imports` from pyproject.toml).

They live under tests/ because they check the code and are no part of what runs: no
application module imports them, and lint-imports puts the repository root on sys.path.
"""

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules


class NoCyclesContract(Contract):
    """No module reaches itself through imports: lazy imports inside functions count too.

    Import-linter's own `acyclic_siblings` compares packages with their descendants squashed
    together; this looks at single modules over the whole graph, so a task module importing its
    service while the service imports the task (the cycle ARCHITECTURE.md forbids) is caught
    even inside one package. `ignore_modules` (module expressions, e.g. "**.migrations.**")
    are left out of the graph.
    """

    type_name = "no_cycles"

    ignore_modules = fields.SetField(subfield=fields.ModuleExpressionField(), required=False)

    def check(self, graph, verbose):
        ignored = module_expressions_to_modules(graph, self.ignore_modules or ())
        modules = sorted(graph.modules - ignored)
        cycles = [
            sorted(component)
            for component in strongly_connected(
                modules, lambda module: graph.find_modules_directly_imported_by(module) - ignored
            )
            if len(component) > 1
        ]
        imports = {
            tuple(cycle): sorted(
                (
                    importer,
                    imported,
                    [
                        d["line_number"]
                        for d in graph.get_import_details(importer=importer, imported=imported)
                    ],
                )
                for importer in cycle
                for imported in graph.find_modules_directly_imported_by(importer)
                if imported in cycle
            )
            for cycle in cycles
        }
        return ContractCheck(kept=not cycles, metadata={"cycles": sorted(imports.items())})

    def render_broken_contract(self, check):
        for modules, imports in check.metadata["cycles"]:
            output.print_error(f"Import cycle of {len(modules)} modules:")
            output.new_line()
            for importer, imported, lines in imports:
                where = ", ".join(f"l.{line}" for line in lines)
                output.indent_cursor()
                output.print(f"{importer} -> {imported} ({where})")
            output.new_line()


def strongly_connected(nodes, successors):
    """Tarjan's strongly connected components, iteratively (deep graphs overflow recursion)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(successors(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(successors(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                components.append(component)
    return components
