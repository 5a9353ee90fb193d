package lab

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/cidr"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Parameters that carry the per-student tags in a lab's shared graphs.
const (
	StudentParam = graph.LabParamStudent
	OwnerParam   = graph.LabParamOwner
)

// Build allocates every student's network and builds the lab: each
// blueprint once for a placeholder student and once as a shared template
// (see graph.Lab). previous are the students of the last run (its roster)
// whose folders are still there: students the file still lists keep their
// blocks, and the others become the lab's Removed students, whose blocks
// nobody else gets while their resources may still run. Warnings are the
// blueprints' advice, given once for the class.
func Build(spec *Spec, previous []graph.Student) (*graph.Lab, []string, error) {
	l := &graph.Lab{
		Name:           spec.Name,
		Region:         spec.Region,
		BudgetUSDMonth: spec.BudgetUSD,
		Tags:           blueprints.MergeTags(spec.Tags, []graph.Tag{{Key: "Lab", Value: spec.Name}}),
	}
	for _, b := range spec.Blueprints {
		if b.BlockBits > 0 {
			l.BlockBits = b.BlockBits
		}
	}
	ids := make([]string, len(spec.Students))
	listed := make(map[string]bool, len(spec.Students))
	for i, s := range spec.Students {
		ids[i] = s.ID
		listed[s.ID] = true
	}
	blocksBefore := map[string]netip.Prefix{}
	for _, s := range previous {
		if !listed[s.ID] {
			l.Removed = append(l.Removed, s)
		}
		if p, err := netip.ParsePrefix(s.CIDR); err == nil {
			blocksBefore[s.ID] = p
		}
	}
	var blocks []netip.Prefix
	if l.BlockBits > 0 {
		l.Pool = spec.Pool.String()
		l.Capacity = Capacity(spec.Pool, l.BlockBits)
		var err error
		blocks, err = Allocate(spec.Pool, l.BlockBits, ids, blocksBefore)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", spec.poolAt, err)
		}
	}
	for i, s := range spec.Students {
		student := graph.Student{ID: s.ID, Email: s.Email, Account: s.Account, Name: spec.Name + "-" + s.ID}
		if blocks != nil {
			student.CIDR = blocks[i].String()
		}
		l.Students = append(l.Students, student)
	}
	if l.BlockBits == 0 {
		// Without a network now, removed students' blocks mean nothing.
		for i := range l.Removed {
			l.Removed[i].CIDR = ""
		}
	}

	studentTags := blueprints.MergeTags(l.Tags, []graph.Tag{
		{Key: "Owner", Value: graph.PlaceholderOwner},
		{Key: "Student", Value: graph.PlaceholderStudent},
	})
	// The shared templates quote the first student's block as an example
	// value where the placeholder graph quotes the placeholder.
	example := ""
	if len(l.Students) > 0 {
		example = l.Students[0].CIDR
	}
	var warnings []string
	for _, b := range spec.Blueprints {
		g, advice, err := build(b, spec.Region, studentTags)
		if err != nil {
			return nil, nil, fmt.Errorf("blueprint %s: %w", b.Name, err)
		}
		warnings = append(warnings, advice...)
		l.Blueprints = append(l.Blueprints, graph.LabBlueprint{Name: b.Name, Settings: b.Settings, Student: g, Shared: shared(g, example)})
	}
	if l.Pool != "" && !cidr.IsRFC1918(spec.Pool) {
		warnings = append(warnings, fmt.Sprintf("cidr_pool %s is not a private (RFC 1918) range; student networks in it may clash with internet hosts", spec.Pool))
	}
	if err := l.Validate(); err != nil {
		return nil, nil, err
	}
	return l, warnings, nil
}

// build builds one blueprint for the placeholder student.
func build(b BlueprintSpec, region string, tags []graph.Tag) (*graph.Graph, []string, error) {
	if b.VPC != nil {
		p := *b.VPC
		p.CIDR = graph.PlaceholderCIDR(b.BlockBits)
		b.VPC = &p
	}
	return buildAs(b, region, tags, graph.PlaceholderName)
}

// buildAs builds one blueprint under a deploy name.
func buildAs(b BlueprintSpec, region string, tags []graph.Tag, name string) (*graph.Graph, []string, error) {
	switch {
	case b.VPC != nil:
		p := *b.VPC
		p.Name, p.Region, p.Tags = name, region, tags
		p.CIDRParameter = true
		g, err := vpc.Build(p)
		if err != nil {
			return nil, nil, err
		}
		return g, labWarnings(p.Warnings()), nil
	case b.Fanout != nil:
		p := *b.Fanout
		p.Name, p.Region, p.Tags = name, region, tags
		g, err := fanout.Build(p)
		return g, nil, err
	}
	return nil, nil, fmt.Errorf("no parameters")
}

// labWarnings drops advice about the placeholder block, which no student
// gets (the pool is checked instead), and names settings as the lab file
// spells them.
func labWarnings(warnings []string) []string {
	var out []string
	for _, w := range warnings {
		if strings.HasPrefix(w, "--cidr ") {
			continue
		}
		out = append(out, strings.Replace(w, "--nat single", "vpc nat: single", 1))
	}
	return out
}

// shared turns a placeholder student's graph into the template every
// student shares: tags holding a placeholder read a parameter instead, and
// parameters defaulting to a placeholder lose their default, so that a
// deployment must say whose environment it is.
func shared(g *graph.Graph, example string) *graph.Graph {
	s := *g
	// Descriptions may quote the default block, which a shared template
	// does not have.
	placeholder := graph.PlaceholderCIDR(cidrBits(g))
	s.Description = strings.Replace(s.Description, " ("+placeholder+" by default)", "", 1)
	placeholders := map[string]string{
		graph.PlaceholderName:    blueprints.NameParam,
		graph.PlaceholderStudent: StudentParam,
		graph.PlaceholderOwner:   OwnerParam,
	}
	s.Tags = make([]graph.Tag, len(g.Tags))
	for i, t := range g.Tags {
		if param, ok := placeholders[t.Value]; ok {
			t = graph.Tag{Key: t.Key, Param: param}
		}
		s.Tags[i] = t
	}
	s.Parameters = slices.Clone(g.Parameters)
	for i := range s.Parameters {
		p := &s.Parameters[i]
		if d, ok := p.Default.(graph.String); ok && isPlaceholder(string(d)) {
			p.Default = nil
		}
		if example != "" {
			p.Description = strings.ReplaceAll(p.Description, placeholder, example)
			p.ConstraintHelp = strings.ReplaceAll(p.ConstraintHelp, placeholder, example)
		}
	}
	s.Parameters = append(s.Parameters,
		graph.Parameter{
			Name: StudentParam, Type: graph.ParamString,
			Description:    "ID of the student this environment belongs to (the Student tag).",
			Pattern:        `^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`,
			ConstraintHelp: "The student ID must be lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
			MinLength:      1, MaxLength: 63,
		},
		graph.Parameter{
			Name: OwnerParam, Type: graph.ParamString,
			Description:    "Who owns this environment, usually the student's email (the Owner tag).",
			Pattern:        `^[A-Za-z0-9._%+@-]+$`,
			ConstraintHelp: "The owner must be an email address or a student ID.",
			MinLength:      1, MaxLength: 254,
		})
	return &s
}

func isPlaceholder(s string) bool {
	switch s {
	case graph.PlaceholderName, graph.PlaceholderStudent, graph.PlaceholderOwner:
		return true
	}
	_, err := netip.ParsePrefix(s)
	return err == nil && netip.MustParsePrefix("198.18.0.0/15").Contains(netip.MustParsePrefix(s).Addr())
}

// Alternative is a cheaper variant of a lab: the settings to change and
// each blueprint built with them, for an estimate.
type Alternative struct {
	// Change says what to write in the lab file ("vpc nat: single").
	Change string
	// Consequence says what the class gives up.
	Consequence string
	Graphs      []*graph.Graph
}

// Cheaper lists variants of the lab that cost less, from the smallest
// change up: one NAT gateway instead of one per zone, then none, and
// service-managed keys instead of customer-managed ones.
func Cheaper(spec *Spec) ([]Alternative, error) {
	type change struct {
		text, consequence string
		apply             func(*BlueprintSpec) bool
	}
	changes := []change{
		{"vpc nat: single", "private subnets in every zone reach the internet through zone a's NAT gateway", func(b *BlueprintSpec) bool {
			if b.VPC == nil || b.VPC.NAT != vpc.NATPerAZ || b.VPC.AZs < 2 {
				return false
			}
			p := *b.VPC
			p.NAT = vpc.NATSingle
			b.VPC = &p
			return true
		}},
		{"vpc nat: none", "private subnets get no internet access (the S3 and DynamoDB endpoints still work)", func(b *BlueprintSpec) bool {
			if b.VPC == nil || b.VPC.NAT == vpc.NATNone {
				return false
			}
			p := *b.VPC
			p.NAT = vpc.NATNone
			b.VPC = &p
			return true
		}},
		{"fanout kms: false", "topic and queues use service-managed encryption keys", func(b *BlueprintSpec) bool {
			if b.Fanout == nil || !b.Fanout.KMS {
				return false
			}
			p := *b.Fanout
			p.KMS = false
			b.Fanout = &p
			return true
		}},
	}
	var out []Alternative
	for _, c := range changes {
		blueprintsChanged := slices.Clone(spec.Blueprints)
		applied := false
		for i := range blueprintsChanged {
			if c.apply(&blueprintsChanged[i]) {
				applied = true
			}
		}
		if !applied {
			continue
		}
		alt := Alternative{Change: c.text, Consequence: c.consequence}
		for _, b := range blueprintsChanged {
			g, _, err := build(b, spec.Region, nil)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", c.text, err)
			}
			alt.Graphs = append(alt.Graphs, g)
		}
		out = append(out, alt)
	}
	return out, nil
}

// StudentGraphs builds every blueprint for one student with the student's
// own values instead of placeholders: what a lab renders for them would be
// these graphs rendered, and the tests hold the fast path to that.
func StudentGraphs(spec *Spec, l *graph.Lab, s graph.Student) ([]*graph.Graph, error) {
	tags := blueprints.MergeTags(l.Tags, []graph.Tag{{Key: "Owner", Value: s.Owner()}, {Key: "Student", Value: s.ID}})
	var out []*graph.Graph
	for _, b := range spec.Blueprints {
		if b.VPC != nil {
			p := *b.VPC
			p.CIDR = s.CIDR
			b.VPC = &p
		}
		g, _, err := buildAs(b, spec.Region, tags, s.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// cidrBits is the prefix length of a graph's network block parameter, or
// 0 when it has none.
func cidrBits(g *graph.Graph) int {
	if p := g.Parameter(vpc.CIDRParam); p != nil {
		if d, ok := p.Default.(graph.String); ok {
			if prefix, err := netip.ParsePrefix(string(d)); err == nil {
				return prefix.Bits()
			}
		}
	}
	return 0
}
