// Package cost estimates what a graph costs to run for a month, from a
// built-in, dated table of AWS list prices.
//
// An estimate is split by component and item (NAT gateway hours, public
// IPv4 addresses, instance hours) so a reader sees what drives it, and it
// carries its assumptions, its price date and source, what is free and
// why, and the caveats that keep it honest: list prices only, no data
// transfer, no free tier, and usage-priced services at the usage assumed.
//
// Prices are us-east-1's; other regions are scaled by one approximate
// factor per region. Every graph.Kind has a rule here, priced or free,
// and a test fails when a new kind arrives without one, so nothing becomes
// free by omission. Like every generator, the package reads only the
// graph: it imports the standard library and generators/graph, nothing else.
package cost

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Assumptions are the usage figures an estimate depends on.
type Assumptions struct {
	// HoursPerMonth is how long everything runs; AWS's own calculators
	// use 730 (24 × 365 / 12).
	HoursPerMonth float64 `json:"hours_per_month"`
	// GBPerMonth is the data each NAT gateway and each load balancer
	// processes in a month (--assume-gb). It defaults to 0 because traffic
	// is the one thing a blueprint cannot know.
	GBPerMonth float64 `json:"gb_per_month"`
}

// DefaultAssumptions are a whole month of running and no traffic.
func DefaultAssumptions() Assumptions {
	return Assumptions{HoursPerMonth: 730, GBPerMonth: 0}
}

// maxHoursPerMonth is the length of a 31-day month.
const maxHoursPerMonth = 744

// Validate reports assumptions no month can have.
func (a Assumptions) Validate() error {
	var errs []error
	if math.IsNaN(a.HoursPerMonth) || a.HoursPerMonth <= 0 || a.HoursPerMonth > maxHoursPerMonth {
		errs = append(errs, fmt.Errorf("hours per month must be more than 0 and at most %d, got %v", maxHoursPerMonth, a.HoursPerMonth))
	}
	if math.IsNaN(a.GBPerMonth) || math.IsInf(a.GBPerMonth, 0) || a.GBPerMonth < 0 {
		errs = append(errs, fmt.Errorf("GB processed per month must be a finite number of 0 or more, got %v", a.GBPerMonth))
	}
	return errors.Join(errs...)
}

// String says the assumptions in words, as READMEs print them.
func (a Assumptions) String() string {
	return fmt.Sprintf("%s hours a month; %s GB processed a month by each NAT gateway and each load balancer",
		number(a.HoursPerMonth), number(a.GBPerMonth))
}

// Line is one priced item of one component.
type Line struct {
	// Component is the component's ID in the graph; Label its Label.
	Component string `json:"component"`
	Label     string `json:"label"`
	// Item names what is billed ("NAT gateway hours"). Lines of different
	// components with the same Item add up in Drivers.
	Item     string  `json:"item"`
	Quantity float64 `json:"quantity"`
	// Unit is what Quantity counts: "hour", "GB", "key-month",
	// "alarm-month", "GB-month", "instance-hour", "LCU-hour",
	// "metric-month", "secret-month", "check-month" or "million
	// requests".
	Unit string `json:"unit"`
	// UnitPriceUSD is the us-east-1 list price of one Unit.
	UnitPriceUSD float64 `json:"unit_price_usd"`
	// RegionFactor is what this line's price is scaled by: the estimate's
	// factor, or 1 for items AWS prices the same in every region (public
	// IPv4 addresses, KMS keys).
	RegionFactor float64 `json:"region_factor"`
	// MonthlyUSD is Quantity × UnitPriceUSD × RegionFactor, unrounded.
	MonthlyUSD float64 `json:"monthly_usd"`
}

// Estimate is the monthly cost of one graph.
type Estimate struct {
	Region string `json:"region"`
	// RegionFactor scales us-east-1 prices to Region; see RegionFactor.
	RegionFactor float64     `json:"region_factor"`
	PriceDate    string      `json:"price_date"`
	Source       string      `json:"source"`
	Assumptions  Assumptions `json:"assumptions"`
	// Lines are in component order, then item order, so two runs agree.
	// A line can cost 0 when its usage is assumed to be 0; it stays, so
	// the reader sees the price that would apply.
	Lines []Line `json:"lines"`
	// Free says what costs nothing by itself, and why.
	Free []string `json:"free"`
	// TotalUSD is the sum of the lines, unrounded.
	TotalUSD float64 `json:"total_monthly_usd"`
	// Notes are the caveats a reader needs to trust the number.
	Notes []string `json:"notes"`
}

// Driver is one item's share of the total.
type Driver struct {
	Item       string  `json:"item"`
	MonthlyUSD float64 `json:"monthly_usd"`
	// Share is MonthlyUSD / TotalUSD, 0 when the total is 0.
	Share float64 `json:"share"`
}

// Of estimates g's monthly cost under a.
func Of(g *graph.Graph, a Assumptions) (*Estimate, error) {
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("cost estimate: %w", err)
	}
	factor, ok := RegionFactor(g.Region)
	if !ok {
		return nil, fmt.Errorf("cost estimate: no price factor for region %q", g.Region)
	}
	p := &pricer{g: g, a: a, factor: factor, freeSeen: map[string]bool{}, noteSeen: map[string]bool{}}
	table := rules()
	var errs []error
	for i := range g.Components {
		c := &g.Components[i]
		r, ok := table[c.Kind]
		if !ok {
			errs = append(errs, fmt.Errorf("component %q: no price rule for kind %q", c.ID, c.Kind))
			continue
		}
		before := len(p.lines)
		if r.price != nil {
			if err := r.price(p, c); err != nil {
				errs = append(errs, fmt.Errorf("component %q: %w", c.ID, err))
				continue
			}
		}
		if len(p.lines) == before && r.free.what != "" {
			p.markFree(r.free)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("cost estimate: %w", err)
	}
	e := &Estimate{
		Region:       g.Region,
		RegionFactor: factor,
		PriceDate:    PriceDate,
		Source:       Source,
		Assumptions:  a,
		Lines:        p.lines,
		Free:         p.freeText(),
	}
	if e.Lines == nil {
		e.Lines = []Line{}
	}
	for _, l := range e.Lines {
		e.TotalUSD += l.MonthlyUSD
	}
	e.Notes = append(generalNotes(g.Region, factor), p.notes...)
	return e, nil
}

// generalNotes are the caveats of every estimate.
func generalNotes(region string, factor float64) []string {
	notes := []string{
		"This is an estimate from public list prices: it leaves out data transfer (internet egress, cross-AZ traffic), taxes, the free tier, Savings Plans, Reserved Instances and credits.",
	}
	if region == "us-east-1" {
		notes = append(notes, "Prices are us-east-1 list prices.")
	} else {
		text := fmt.Sprintf("Prices for %s are us-east-1 list prices × %s, the ratio of the two regions' NAT gateway hourly prices rounded to 0.05; other services differ by region a little more or less, so read it as approximate. Public IPv4 addresses and KMS keys cost the same everywhere and are not scaled.", region, number(factor))
		if borrowed := regionNATHourly()[region].borrowed; borrowed != "" {
			text += fmt.Sprintf(" No NAT gateway price was recorded for %s, so %s's stands in.", region, borrowed)
		}
		notes = append(notes, text)
	}
	notes = append(notes, "Amounts keep full precision until display: the table shows cents, the summary whole dollars, so rows may not add up to the total to the cent.")
	return notes
}

// freeItem is a free component type and the reason it costs nothing.
type freeItem struct {
	what string
	why  string
}

// pricer collects an estimate's lines, free items and notes as the
// components are walked.
type pricer struct {
	g      *graph.Graph
	a      Assumptions
	factor float64
	lines  []Line
	// free and notes keep first-seen order; the maps drop repeats.
	free     []freeItem
	freeSeen map[string]bool
	notes    []string
	noteSeen map[string]bool
}

// regional marks a price that differs by region.
const (
	regional = true
	uniform  = false
)

// line adds one priced line. scaled says whether the price differs by
// region; the quantity stays unscaled so the table shows real usage.
func (p *pricer) line(c *graph.Component, item string, quantity float64, unit string, unitPrice float64, scaled bool) {
	factor := 1.0
	if scaled {
		factor = p.factor
	}
	p.lines = append(p.lines, Line{
		Component: c.ID, Label: c.Label, Item: item, Quantity: quantity, Unit: unit,
		UnitPriceUSD: unitPrice, RegionFactor: factor, MonthlyUSD: quantity * unitPrice * factor,
	})
}

// note adds a caveat once, however many components raise it.
func (p *pricer) note(text string) {
	if !p.noteSeen[text] {
		p.noteSeen[text] = true
		p.notes = append(p.notes, text)
	}
}

// markFree lists a free item once.
func (p *pricer) markFree(item freeItem) {
	key := item.what + "\x00" + item.why
	if !p.freeSeen[key] {
		p.freeSeen[key] = true
		p.free = append(p.free, item)
	}
}

// freeText joins the free items that share a reason: "VPC, subnets: no
// charge". Reasons keep the order in which they were first met.
func (p *pricer) freeText() []string {
	var reasons []string
	whats := map[string][]string{}
	for _, f := range p.free {
		if _, ok := whats[f.why]; !ok {
			reasons = append(reasons, f.why)
		}
		whats[f.why] = append(whats[f.why], f.what)
	}
	out := []string{}
	for _, why := range reasons {
		out = append(out, strings.Join(whats[why], ", ")+": "+why)
	}
	return out
}

// Drivers adds up the lines by item, most expensive first (ties by
// name), so a reader sees at once what to change to pay less.
func (e *Estimate) Drivers() []Driver {
	index := map[string]int{}
	var drivers []Driver
	for _, l := range e.Lines {
		i, ok := index[l.Item]
		if !ok {
			i = len(drivers)
			index[l.Item] = i
			drivers = append(drivers, Driver{Item: l.Item})
		}
		drivers[i].MonthlyUSD += l.MonthlyUSD
	}
	for i := range drivers {
		if e.TotalUSD > 0 {
			drivers[i].Share = drivers[i].MonthlyUSD / e.TotalUSD
		}
	}
	sort.SliceStable(drivers, func(i, j int) bool {
		if drivers[i].MonthlyUSD != drivers[j].MonthlyUSD {
			return drivers[i].MonthlyUSD > drivers[j].MonthlyUSD
		}
		return drivers[i].Item < drivers[j].Item
	})
	return drivers
}

// Summary is the estimate in one line: whole dollars, the region, the
// assumptions and the biggest driver. Whole dollars because the inputs do
// not support cents.
func (e *Estimate) Summary() string {
	var amount string
	switch {
	case e.TotalUSD == 0:
		amount = "$0 per month"
	case e.TotalUSD < 0.5:
		amount = "< $1 per month"
	default:
		amount = "≈ $" + grouped(strconv.FormatFloat(math.Round(e.TotalUSD), 'f', 0, 64)) + " per month"
	}
	s := fmt.Sprintf("%s in %s (%s h, %s GB processed)", amount, e.Region, number(e.Assumptions.HoursPerMonth), number(e.Assumptions.GBPerMonth))
	if drivers := e.Drivers(); e.TotalUSD >= 0.5 && len(drivers) > 0 {
		s += fmt.Sprintf(", %d%% of it %s", int(math.Round(drivers[0].Share*100)), drivers[0].Item)
	}
	return s
}

// Table lays the lines out for a README or a terminal, with a total row.
// Unit prices are us-east-1's; a line scaled to another region shows its
// factor next to the price.
func (e *Estimate) Table() graph.Table {
	t := graph.Table{
		Title:   fmt.Sprintf("Cost estimate (%s, prices of %s)", e.Region, e.PriceDate),
		Columns: []string{"Component", "Item", "Quantity", "Unit price", "Monthly"},
	}
	for _, l := range e.Lines {
		price := money(l.UnitPriceUSD, -1) + " per " + l.Unit
		if l.RegionFactor != 1 {
			price += " × " + number(l.RegionFactor)
		}
		t.Rows = append(t.Rows, []string{l.Component, l.Item, number(l.Quantity), price, money(l.MonthlyUSD, 2)})
	}
	t.Rows = append(t.Rows, []string{"total", "", "", "", money(e.TotalUSD, 2)})
	return t
}

// number prints a quantity with at most two decimals and thousands
// separators: 1460, 0.5 and 1.05 print as "1,460", "0.5" and "1.05".
func number(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	whole, fraction, found := strings.Cut(s, ".")
	if found {
		return grouped(whole) + "." + fraction
	}
	return grouped(whole)
}

// money prints dollars. decimals -1 keeps a unit price's own precision
// (at least cents): $0.045, $1.00, $0.0384.
func money(v float64, decimals int) string {
	var s string
	if decimals < 0 {
		s = strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
		if whole, fraction, _ := strings.Cut(s, "."); len(fraction) < 2 {
			s = whole + "." + fraction + strings.Repeat("0", 2-len(fraction))
		}
	} else {
		s = strconv.FormatFloat(v, 'f', decimals, 64)
	}
	whole, fraction, _ := strings.Cut(s, ".")
	return "$" + grouped(whole) + "." + fraction
}

// grouped puts commas between thousands of a string of digits.
func grouped(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return sign + digits
}
