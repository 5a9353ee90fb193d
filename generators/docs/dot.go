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
	dotHeader(&b, g.Name, g.Description)
	clusters := 0
	dotGraph(&b, g, "", "  ", &clusters)
	b.WriteString("}\n")
	return b.String()
}

// BundleDOT draws every stack of a bundle in one DOT graph: a cluster per
// stack (named with its region) holding that stack's groups, and node IDs
// prefixed with the stack ("dr.vpc"), so two stacks' components never
// merge. Values passed between stacks are parameters, not references, so
// no arrow crosses from one stack to another.
func BundleDOT(bundle *graph.Bundle) string {
	var b strings.Builder
	dotHeader(&b, bundle.Name, bundle.Description)
	clusters := 0
	for _, s := range bundle.Stacks {
		fmt.Fprintf(&b, "  subgraph cluster_%d {\n    label=%s;\n", clusters, dotQuote(fmt.Sprintf("%s stack (%s)", s.Name, s.Graph.Region)))
		clusters++
		dotGraph(&b, s.Graph, s.Name+".", "    ", &clusters)
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

func dotHeader(b *strings.Builder, name, description string) {
	fmt.Fprintf(b, "digraph %s {\n", dotQuote(name))
	fmt.Fprintf(b, "  label=%s;\n  labelloc=t;\n  rankdir=LR;\n  compound=true;\n", dotQuote(description))
	b.WriteString("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n")
}

// dotGraph writes g's group clusters and edges at the given indentation,
// with every node ID prefixed; clusters numbers clusters across calls so
// their names stay unique.
func dotGraph(b *strings.Builder, g *graph.Graph, prefix, indent string, clusters *int) {
	groups, members := groupsOf(g)
	for _, group := range groups {
		fmt.Fprintf(b, "%ssubgraph cluster_%d {\n%s  label=%s;\n", indent, *clusters, indent, dotQuote(group))
		*clusters++
		for _, c := range members[group] {
			fmt.Fprintf(b, "%s  %s [label=%s];\n", indent, dotQuote(prefix+c.ID), dotQuote(c.Label))
		}
		fmt.Fprintf(b, "%s}\n", indent)
	}
	for i := range g.Components {
		c := &g.Components[i]
		for _, t := range edgesOf(c) {
			fmt.Fprintf(b, "%s%s -> %s;\n", indent, dotQuote(prefix+c.ID), dotQuote(prefix+t))
		}
	}
}

// dotQuote writes s as a DOT quoted string: only the double quote and the
// backslash need escaping, and newlines become DOT's centred line break.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
