package compare

import (
	"strings"
	"testing"
)

// TestViewsGolden pins the terminal and Markdown views of the vpc and
// fanout comparisons.
func TestViewsGolden(t *testing.T) {
	all := graphs(t)
	for _, name := range []string{"vpc", "fanout"} {
		c, err := Build(all[name])
		if err != nil {
			t.Fatal(err)
		}
		golden(t, name+".txt", []byte(c.Text(120)))
		golden(t, name+".md", []byte(c.Markdown()))
	}
	golden(t, "mapping.txt", []byte(MappingText()))
	golden(t, "mapping.md", []byte(MappingMarkdown()))
}

// TestTextWidth checks that no line of the terminal view is wider than asked,
// at several widths, so it wraps rather than overflows.
func TestTextWidth(t *testing.T) {
	c, err := Build(graphs(t)["asg-spot"])
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{MinWidth, 100, 200} {
		for i, line := range strings.Split(c.Text(width), "\n") {
			if n := len([]rune(line)); n > width {
				t.Fatalf("width %d: line %d is %d wide: %q", width, i+1, n, line)
			}
		}
	}
}

// TestMappingCoversRenderedTypes is the check: every resource type
// a generator emits for the blueprints appears in the mapping table.
func TestMappingCoversRenderedTypes(t *testing.T) {
	table := MappingText()
	for name, g := range graphs(t) {
		c, err := Build(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.Rows {
			for _, b := range append(r.Terraform, r.CloudFormation...) {
				if !strings.Contains(table, b.Type) {
					t.Errorf("%s: %s renders %s, which the mapping table lacks", name, r.ID, b.Type)
				}
			}
		}
	}
}

// TestMarkdownTwoColumnsPerComponent checks every component gets a section
// with both columns.
func TestMarkdownTwoColumnsPerComponent(t *testing.T) {
	c, err := Build(graphs(t)["vpc"])
	if err != nil {
		t.Fatal(err)
	}
	md := c.Markdown()
	for _, r := range c.Rows {
		if !strings.Contains(md, "## "+r.Label+" (`"+string(r.Kind)+"`)") {
			t.Errorf("no section for %s", r.ID)
		}
	}
	if got, want := strings.Count(md, "<th>Terraform</th><th>CloudFormation</th>"), len(c.Rows); got != want {
		t.Errorf("%d two-column tables for %d components", got, want)
	}
}
