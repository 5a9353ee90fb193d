package cost

import "strings"

// Part is the estimate of one stack of a multi-stack deployment.
type Part struct {
	Stack    string
	Estimate *Estimate
}

// Combine adds up the estimates of a deployment's stacks, which may be in
// different regions: lines keep their own region factor and are named
// "stack.component"; what is free and the caveats are listed once. The
// combined RegionFactor is the stacks' common factor, or 0 when they
// differ (each line then says its own). All parts must share assumptions,
// price date and source, which holds for estimates made by one scaffold.
func Combine(parts []Part) *Estimate {
	if len(parts) == 0 {
		return &Estimate{Lines: []Line{}, Free: []string{}, Notes: []string{}}
	}
	first := parts[0].Estimate
	out := &Estimate{
		RegionFactor: first.RegionFactor,
		PriceDate:    first.PriceDate,
		Source:       first.Source,
		Assumptions:  first.Assumptions,
		Lines:        []Line{},
	}
	var regions []string
	seen := map[string]bool{}
	addOnce := func(list []string, s string) []string {
		if seen[s] {
			return list
		}
		seen[s] = true
		return append(list, s)
	}
	for _, p := range parts {
		e := p.Estimate
		regions = addOnce(regions, "region:"+e.Region)
		if e.RegionFactor != out.RegionFactor {
			out.RegionFactor = 0
		}
		for _, l := range e.Lines {
			l.Component = p.Stack + "." + l.Component
			out.Lines = append(out.Lines, l)
		}
		out.TotalUSD += e.TotalUSD
		for _, f := range e.Free {
			out.Free = addOnce(out.Free, "free:"+f)
		}
		for _, n := range e.Notes {
			out.Notes = addOnce(out.Notes, "note:"+n)
		}
	}
	out.Region = strings.Join(trimPrefixes(regions, "region:"), " + ")
	out.Free = trimPrefixes(out.Free, "free:")
	out.Notes = trimPrefixes(out.Notes, "note:")
	return out
}

func trimPrefixes(list []string, prefix string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.TrimPrefix(s, prefix)
	}
	return out
}
