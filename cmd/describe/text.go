package describe

import (
	"fmt"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/docs"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// textWidth is where the text view wraps prose: narrow enough to read in
// any terminal, independent of the terminal so the output is stable.
const textWidth = 96

// Text renders the description for a terminal, with the ASCII diagram of
// each graph (a bundle's stacks one by one) when withDiagram is set.
func (d *Description) Text(withDiagram bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", d.Blueprint, d.Summary)

	section(&b, "Purpose")
	paragraph(&b, d.Purpose, "  ")

	section(&b, "What these flags build")
	paragraph(&b, fmt.Sprintf("%s Region %s, %d resources.", d.Builds, d.Region, d.Resources), "  ")

	if len(d.Stacks) > 0 {
		section(&b, "Stacks, in deploy order")
		for i, st := range d.Stacks {
			fmt.Fprintf(&b, "  %d. %s (%s, %d resources)\n", i+1, st.Name, st.Region, st.Resources)
			paragraph(&b, st.Builds, "      ")
			for _, in := range st.Inputs {
				paragraph(&b, "input: "+in, "      ")
			}
		}
	}

	section(&b, "Components, and why each is there")
	for _, r := range d.Components {
		fmt.Fprintf(&b, "  %s (%s)\n", compactIDs(r.IDs), r.Kind)
		paragraph(&b, r.Why, "      ")
	}

	section(&b, "Parameters (flags)")
	for _, p := range d.Parameters {
		head := "  " + p.Flag
		if p.Default != "" {
			head += fmt.Sprintf("  (default %s)", p.Default)
		}
		b.WriteString(head + "\n")
		paragraph(&b, p.Description, "      ")
		if p.Valid != "" {
			paragraph(&b, "valid: "+p.Valid, "      ")
		}
	}

	section(&b, "Availability")
	for _, s := range d.Availability.Survives {
		paragraph(&b, "survives: "+s, "  ")
	}
	for _, s := range d.Availability.Exposed {
		paragraph(&b, "does not survive: "+s, "  ")
	}
	if d.Availability.Target != "" {
		paragraph(&b, "in short: "+d.Availability.Target, "  ")
	}

	section(&b, "Equivalents in GCP and Azure")
	table := graph.Table{Columns: []string{"AWS", "GCP", "Azure"}}
	var notes []string
	for _, e := range d.Equivalents {
		table.Rows = append(table.Rows, []string{e.AWS, e.GCP, e.Azure})
		if e.Note != "" {
			notes = append(notes, e.Note)
		}
	}
	b.WriteString(indentLines(docs.TextTable(table), "  "))
	for _, n := range notes {
		paragraph(&b, "- "+n, "  ")
	}

	section(&b, "Cost estimate (monthly, list prices)")
	paragraph(&b, d.Cost.Summary()+".", "  ")
	if len(d.CostDrivers) > 0 && d.Cost.TotalUSD > 0 {
		var drivers []string
		for _, dr := range d.CostDrivers {
			if dr.MonthlyUSD > 0 {
				drivers = append(drivers, fmt.Sprintf("%s %.0f%%", dr.Item, dr.Share*100))
			}
		}
		paragraph(&b, "What drives it: "+strings.Join(drivers, ", ")+".", "  ")
	}
	if len(d.Cost.Lines) > 0 {
		b.WriteString(indentLines(docs.TextTable(d.Cost.Table()), "  "))
	}
	paragraph(&b, fmt.Sprintf("Assumed: %s. Prices: %s.", d.Cost.Assumptions, d.Cost.Source), "  ")
	for _, f := range d.Cost.Free {
		paragraph(&b, "free: "+f, "  ")
	}
	for _, n := range d.Cost.Notes {
		paragraph(&b, "- "+n, "  ")
	}

	for _, t := range d.Tables {
		section(&b, t.Title)
		b.WriteString(indentLines(docs.TextTable(graph.Table(t)), "  "))
	}

	if len(d.Outputs) > 0 {
		section(&b, "Outputs")
		for _, o := range d.Outputs {
			fmt.Fprintf(&b, "  %s\n", o.Name)
			paragraph(&b, o.Description, "      ")
		}
	}

	if len(d.Warnings) > 0 {
		section(&b, "Warnings for these flags")
		for _, w := range d.Warnings {
			paragraph(&b, "- "+w, "  ")
		}
	}

	if withDiagram {
		for _, ng := range d.graphs {
			title := "Diagram (from the same model as the code; [ids] are resource names)"
			if ng.stack != "" {
				title = "Diagram of the " + ng.stack + " stack ([ids] are resource names)"
			}
			section(&b, title)
			b.WriteString(indentLines(docs.Tree(ng.graph), "  "))
		}
	}
	return b.String()
}

func section(b *strings.Builder, title string) {
	fmt.Fprintf(b, "\n%s\n", strings.ToUpper(title))
}

// paragraph writes text wrapped at textWidth, every line indented.
func paragraph(b *strings.Builder, text, indent string) {
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > textWidth {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	if len(line) > len(indent) {
		b.WriteString(line + "\n")
	}
}

func indentLines(text, indent string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(indent+l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// compactIDs writes IDs that differ only in a zone letter the way a
// reader scans them: public_subnet_{a,b,c}.
func compactIDs(ids []string) string {
	var prefixes []string
	letters := map[string][]string{}
	for _, id := range ids {
		prefix, letter := id, ""
		if i := strings.LastIndex(id, "_"); i > 0 && len(id)-i == 2 {
			prefix, letter = id[:i], id[i+1:]
		}
		if _, ok := letters[prefix]; !ok {
			prefixes = append(prefixes, prefix)
		}
		letters[prefix] = append(letters[prefix], letter)
	}
	parts := make([]string, len(prefixes))
	for i, prefix := range prefixes {
		switch l := letters[prefix]; {
		case len(l) == 1 && l[0] == "":
			parts[i] = prefix
		case len(l) == 1:
			parts[i] = prefix + "_" + l[0]
		default:
			parts[i] = prefix + "_{" + strings.Join(l, ",") + "}"
		}
	}
	return strings.Join(parts, ", ")
}
