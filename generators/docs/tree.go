package docs

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// containedBy lists, in priority order, the properties whose reference
// places a component inside another in the drawings: a NAT gateway sits in
// its subnet, a route in its route table, a policy under its role. The
// first one a component has wins; vpc_id comes last because almost
// everything in a network also names the VPC.
func containedBy() []string {
	return []string{
		"subnet_id", "route_table_id", "security_group_id", "role", "topic_arn", "arn",
		"queue_url", "dimensions", "autoscaling_group_name", "load_balancer_arn", "app_name", "vpc_id",
	}
}

// contains lists properties whose reference places the referenced
// component inside the referring one: the Elastic IP of a NAT gateway, the
// dead-letter queue of a queue.
func contains() []string { return []string{"allocation_id", "redrive_policy"} }

// spansSubnets lists properties holding the subnets a component spreads
// over (a load balancer, an Auto Scaling group): it is drawn inside the
// network those subnets belong to, with the zones it covers.
func spansSubnets() []string { return []string{"subnets", "vpc_zone_identifier"} }

// node is one line of the tree.
type node struct {
	id       string
	text     string
	children []*node
}

// Tree draws the graph as a text tree for terminals: the region, inside it
// the network, its zones and their subnets with what runs in them, and the
// resources outside any network (topics, queues, keys) with what belongs
// to them; each line ends with the components it points at. It is built
// from the same graph as the code, so it cannot disagree with it.
func Tree(g *graph.Graph) string {
	parents := parentsOf(g)
	nodes := map[string]*node{}
	for i := range g.Components {
		c := &g.Components[i]
		nodes[c.ID] = &node{id: c.ID, text: lineText(c, parents)}
	}
	root := &node{text: "AWS Region " + g.Region}
	zones := map[string]*node{} // "vpc/0" → the zone node inside that VPC
	for i := range g.Components {
		c := &g.Components[i]
		parent := root
		if p := parents[c.ID]; p != "" {
			parent = nodes[p]
		}
		if zone, ok := c.Property("availability_zone").(graph.AZ); ok && parents[c.ID] != "" {
			key := fmt.Sprintf("%s/%d", parents[c.ID], zone.Index)
			if zones[key] == nil {
				zones[key] = &node{text: zoneText(zone.Index)}
				parent.children = append(parent.children, zones[key])
			}
			parent = zones[key]
		}
		parent.children = append(parent.children, nodes[c.ID])
	}
	var b strings.Builder
	b.WriteString(root.text + "\n")
	writeChildren(&b, root, "")
	return b.String()
}

func writeChildren(b *strings.Builder, n *node, prefix string) {
	for i, child := range n.children {
		branch, next := "├── ", "│   "
		if i == len(n.children)-1 {
			branch, next = "└── ", "    "
		}
		b.WriteString(prefix + branch + child.text + "\n")
		writeChildren(b, child, prefix+next)
	}
}

// zoneText names a zone the way the generated code picks it: by position
// in the region's list of zones, not by a fixed name.
func zoneText(index int) string {
	return fmt.Sprintf("Availability Zone %d (the region's %s zone)", index+1, ordinal(index+1))
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	}
	return fmt.Sprintf("%dth", n)
}

// parentsOf decides where every component is drawn; "" is the top level.
func parentsOf(g *graph.Graph) map[string]string {
	parents := map[string]string{}
	exists := map[string]bool{}
	for _, c := range g.Components {
		exists[c.ID] = true
	}
	firstRef := func(v graph.Value, self string) string {
		found := ""
		graph.Walk(v, func(v graph.Value) {
			if ref, ok := v.(graph.Ref); ok && found == "" && ref.Component != self && exists[ref.Component] {
				found = ref.Component
			}
		})
		return found
	}
	for i := range g.Components {
		c := &g.Components[i]
		for _, prop := range containedBy() {
			if v := c.Property(prop); v != nil {
				if p := firstRef(v, c.ID); p != "" {
					parents[c.ID] = p
					break
				}
			}
		}
		if parents[c.ID] != "" {
			continue
		}
		for _, prop := range spansSubnets() {
			if v := c.Property(prop); v != nil {
				if subnet := g.Component(firstRef(v, c.ID)); subnet != nil {
					parents[c.ID] = firstRef(subnet.Property("vpc_id"), subnet.ID)
					break
				}
			}
		}
	}
	// A component contained by another is drawn inside it, unless it has
	// a place of its own already.
	for i := range g.Components {
		c := &g.Components[i]
		for _, prop := range contains() {
			if v := c.Property(prop); v != nil {
				if child := firstRef(v, c.ID); child != "" && parents[child] == "" {
					parents[child] = c.ID
				}
			}
		}
	}
	// Guard against cycles (a component inside its own descendant), which
	// would hide both from the drawing: such a component goes to the top.
	// Graph order, not map order, keeps the drawing deterministic.
	for _, c := range g.Components {
		id := c.ID
		seen := map[string]bool{id: true}
		for p := parents[id]; p != ""; p = parents[p] {
			if seen[p] {
				parents[id] = ""
				break
			}
			seen[p] = true
		}
	}
	return parents
}

// lineText is a component's label, its address range when it has one, and
// the components it points at other than those drawn around it (its
// parent and its children).
func lineText(c *graph.Component, parents map[string]string) string {
	text := c.Label
	if cidr, ok := c.Property("cidr_block").(graph.String); ok {
		text += " " + string(cidr)
	}
	text += " [" + c.ID + "]"
	var targets []string
	seen := map[string]bool{parents[c.ID]: true, c.ID: true}
	for child, parent := range parents {
		if parent == c.ID {
			seen[child] = true
		}
	}
	collect := func(v graph.Value) {
		graph.Walk(v, func(v graph.Value) {
			// A label that already names the target needs no arrow to it.
			if ref, ok := v.(graph.Ref); ok && !seen[ref.Component] && !strings.Contains(c.Label, ref.Component) {
				seen[ref.Component] = true
				targets = append(targets, ref.Component)
			}
		})
	}
	for _, p := range c.Properties {
		collect(p.Value)
	}
	for _, d := range c.DependsOn {
		collect(graph.RefID(d))
	}
	if len(targets) > 0 {
		text += " → " + strings.Join(targets, ", ")
	}
	return text
}
