package docs

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// DOT draws the graph in Graphviz's DOT language: a cluster per component
// group, a box per component and an arrow per reference or dependency,
// like the Mermaid diagram, for `dot -Tsvg` and the tools that read DOT.
func DOT(g *graph.Graph) string {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n", dotQuote(g.Name))
	fmt.Fprintf(&b, "  label=%s;\n  labelloc=t;\n  rankdir=LR;\n  compound=true;\n", dotQuote(g.Description))
	b.WriteString("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n")
	groups, members := groupsOf(g)
	for i, group := range groups {
		fmt.Fprintf(&b, "  subgraph cluster_%d {\n    label=%s;\n", i, dotQuote(group))
		for _, c := range members[group] {
			fmt.Fprintf(&b, "    %s [label=%s];\n", dotQuote(c.ID), dotQuote(c.Label))
		}
		b.WriteString("  }\n")
	}
	for i := range g.Components {
		c := &g.Components[i]
		for _, t := range edgesOf(c) {
			fmt.Fprintf(&b, "  %s -> %s;\n", dotQuote(c.ID), dotQuote(t))
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote writes s as a DOT quoted string: only the double quote and the
// backslash need escaping, and newlines become DOT's centred line break.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
