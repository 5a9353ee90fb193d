package docs

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Mermaid draws the graph as a Mermaid flowchart, which GitHub renders in
// Markdown: one subgraph per component group, one node per component, and
// an arrow from each component to every component it references ("uses").
// It is drawn from the same graph as the code, so the two cannot disagree.
func Mermaid(g *graph.Graph) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	groups, members := groupsOf(g)
	for i, group := range groups {
		fmt.Fprintf(&b, "  subgraph g%d[\"%s\"]\n", i, mermaidText(group))
		for _, c := range members[group] {
			fmt.Fprintf(&b, "    %s[\"%s\"]\n", nodeID(c.ID), mermaidText(c.Label))
		}
		b.WriteString("  end\n")
	}
	for i := range g.Components {
		c := &g.Components[i]
		for _, t := range edgesOf(c) {
			fmt.Fprintf(&b, "  %s --> %s\n", nodeID(c.ID), nodeID(t))
		}
	}
	return b.String()
}

// nodeID prefixes component IDs, because Mermaid reserves some words
// (end, graph, style) that a component ID could one day be.
func nodeID(id string) string { return "c_" + id }

// mermaidText makes a label safe inside a quoted Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", " ", "<", "#lt;", ">", "#gt;").Replace(s)
}

// groupsOf returns the component groups in order of first appearance and
// the members of each; a component without a group is grouped by kind.
func groupsOf(g *graph.Graph) ([]string, map[string][]*graph.Component) {
	var groups []string
	members := map[string][]*graph.Component{}
	for i := range g.Components {
		c := &g.Components[i]
		group := c.Group
		if group == "" {
			group = string(c.Kind)
		}
		if _, ok := members[group]; !ok {
			groups = append(groups, group)
		}
		members[group] = append(members[group], c)
	}
	return groups, members
}

// edgesOf returns, sorted, the components c references or depends on.
func edgesOf(c *graph.Component) []string {
	targets := map[string]bool{}
	collect := func(v graph.Value) {
		graph.Walk(v, func(v graph.Value) {
			if ref, ok := v.(graph.Ref); ok && ref.Component != c.ID {
				targets[ref.Component] = true
			}
		})
	}
	for _, p := range c.Properties {
		collect(p.Value)
	}
	for _, d := range c.DependsOn {
		targets[d] = true
	}
	sorted := make([]string, 0, len(targets))
	for t := range targets {
		sorted = append(sorted, t)
	}
	sort.Strings(sorted)
	return sorted
}
