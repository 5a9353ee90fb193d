package compare

import (
	"fmt"
	"strings"
)

// Markdown renders the comparison for a wiki or a pull request: a section
// per component with the two formats side by side in an HTML table (which
// GitHub and most wikis render with code highlighting), then the summary.
func (c *Comparison) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s blueprint: Terraform and CloudFormation side by side\n\n", c.Name, c.Blueprint)
	s := c.Summary
	b.WriteString("| | Terraform | CloudFormation |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| Resources | %d | %d |\n| Lines (non-blank) | %d | %d |\n\n", s.TerraformResources, s.CloudFormationResources, s.TerraformLines, s.CloudFormationLines)
	if len(s.Uneven) > 0 {
		b.WriteString("Components that are not one resource on each side:\n\n")
		for _, u := range s.Uneven {
			b.WriteString("- " + u + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("| Concept | Terraform | CloudFormation |\n|---|---|---|\n")
	for _, d := range s.Differences {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", cell(d.Topic), cell(d.Terraform), cell(d.CloudFormation))
	}
	b.WriteString("\n")
	for _, r := range c.Rows {
		fmt.Fprintf(&b, "## %s (`%s`)\n\n<table><tr><th>Terraform</th><th>CloudFormation</th></tr><tr><td>\n\n", r.Label, r.Kind)
		b.WriteString(fence("hcl", joinBlocks(r.Terraform)))
		b.WriteString("\n</td><td>\n\n")
		if len(r.CloudFormation) == 0 {
			b.WriteString(cell(r.Note) + "\n")
		} else {
			b.WriteString(fence("yaml", joinBlocks(r.CloudFormation)))
		}
		b.WriteString("\n</td></tr></table>\n\n")
	}
	return b.String()
}

// fence wraps code in a fence longer than any backtick run inside it.
func fence(lang, code string) string {
	ticks := "```"
	for strings.Contains(code, ticks) {
		ticks += "`"
	}
	return ticks + lang + "\n" + code + "\n" + ticks + "\n"
}

// cell makes text safe inside a Markdown table cell.
func cell(text string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(text)
}
