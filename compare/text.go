package compare

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MinWidth is the narrowest terminal the two-column view supports.
const MinWidth = 60

// Text renders the comparison as two aligned columns for a terminal of the
// given width: for each component a header, then Terraform on the left and
// CloudFormation on the right. Lines longer than a column are wrapped, with
// a "↪" marking the continuation, so nothing is lost.
func (c *Comparison) Text(width int) string {
	width = max(width, MinWidth)
	column := (width - 3) / 2
	var b strings.Builder
	for _, line := range wrapWords(fmt.Sprintf("%s — %s blueprint (%s): Terraform | CloudFormation", c.Name, c.Blueprint, c.Region), width) {
		b.WriteString(line + "\n")
	}
	b.WriteString("\n")
	for _, r := range c.Rows {
		header := wrapWords(fmt.Sprintf("── %s (%s)", r.Label, r.Kind), width-1)
		last := header[len(header)-1] + " "
		if n := utf8.RuneCountInString(last); n < width {
			last += strings.Repeat("─", width-n)
		}
		header[len(header)-1] = last
		b.WriteString(strings.Join(header, "\n") + "\n")
		left := wrapLines(joinBlocks(r.Terraform), column)
		right := wrapLines(joinBlocks(r.CloudFormation), column)
		if len(r.CloudFormation) == 0 && r.Note != "" {
			right = wrapWords(r.Note, column)
		}
		for i := 0; i < max(len(left), len(right)); i++ {
			l, rt := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				rt = right[i]
			}
			line := pad(l, column) + " │ " + rt
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(c.summaryText(width))
	return b.String()
}

func joinBlocks(blocks []Block) string {
	texts := make([]string, len(blocks))
	for i, bl := range blocks {
		texts[i] = bl.Text
	}
	return strings.Join(texts, "\n")
}

// wrapLines breaks each line at the column width, marking continuations.
func wrapLines(text string, width int) []string {
	if text == "" {
		return nil
	}
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\t", "  "), "\n") {
		runes := []rune(line)
		first := true
		for len(runes) > width || first {
			first = false
			if len(runes) <= width {
				break
			}
			out = append(out, string(runes[:width]))
			runes = append([]rune("↪ "), runes[width:]...)
		}
		out = append(out, string(runes))
	}
	return out
}

// wrapWords wraps prose at word boundaries.
func wrapWords(text string, width int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func (c *Comparison) summaryText(width int) string {
	s := c.Summary
	var b strings.Builder
	b.WriteString("Summary\n")
	fmt.Fprintf(&b, "  resources: %d Terraform, %d CloudFormation\n", s.TerraformResources, s.CloudFormationResources)
	fmt.Fprintf(&b, "  lines:     %d Terraform, %d CloudFormation\n", s.TerraformLines, s.CloudFormationLines)
	if len(s.Uneven) > 0 {
		b.WriteString("  not one-to-one:\n")
		for _, u := range s.Uneven {
			for i, line := range wrapWords(u, width-6) {
				prefix := "    - "
				if i > 0 {
					prefix = "      "
				}
				b.WriteString(prefix + line + "\n")
			}
		}
	}
	b.WriteString("  concepts:\n")
	for _, d := range s.Differences {
		b.WriteString("    " + d.Topic + "\n")
		for _, side := range []struct{ name, text string }{{"Terraform", d.Terraform}, {"CloudFormation", d.CloudFormation}} {
			for i, line := range wrapWords(side.text, width-22) {
				label := ""
				if i == 0 {
					label = side.name + ":"
				}
				fmt.Fprintf(&b, "      %-16s%s\n", label, line)
			}
		}
	}
	return b.String()
}
