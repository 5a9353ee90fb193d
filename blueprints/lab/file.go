// Package lab reads a lab file (one class: a name, students, a CIDR pool
// and the blueprints every student gets), allocates every student's
// network block and builds the lab model the generators render.
//
// Problems in the file are reported with their line and column, all at
// once, and every blueprint setting goes through the blueprint's own
// validation, so a lab accepts exactly what the blueprint commands accept.
package lab

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"path"
	"slices"
	"strconv"
	"strings"

	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/cidr"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Limits of a lab file.
const (
	// MaxStudents bounds a class; it is far above any real class and keeps
	// a typo ("students: 30000") from writing a million files.
	MaxStudents = 5000
	// MaxLabName leaves room in the 28-character deploy name for
	// "-" and a student ID of at least a few characters.
	MaxLabName = 16
	// DefaultBlockBits is a student's network block when the vpc entry
	// gives no prefix_length: a /20 holds 4,096 addresses, subnets of
	// /25 (123 usable addresses), and 4,096 students fit in a /8.
	DefaultBlockBits = 20
	// maxFileBytes bounds the lab file and a student CSV.
	maxFileBytes = 4 << 20
)

// Formats are the values of the format key.
var Formats = []string{"both", "cloudformation", "terraform"}

// Spec is a lab file, checked.
type Spec struct {
	Name     string
	Region   string
	Students []StudentSpec
	// Pool is the block student networks are cut from; it is the zero
	// prefix when no blueprint builds a network.
	Pool       netip.Prefix
	Blueprints []BlueprintSpec
	Format     string
	// BudgetUSD is the monthly budget of one student's environment, or 0.
	BudgetUSD float64
	// Tags are the file's extra tags, sorted by key.
	Tags []graph.Tag
	// poolAt is where the file sets cidr_pool, for the error when the
	// class does not fit.
	poolAt position
}

// StudentSpec is one student as the file (or its CSV) gives it.
type StudentSpec struct {
	ID, Email, Account string
	// at is where the file gives the student, for messages.
	at position
}

// position is a place in the lab file or its student CSV.
type position struct {
	file         string
	line, column int
}

func (p position) String() string {
	if p.column == 0 {
		return fmt.Sprintf("%s:%d", p.file, p.line)
	}
	return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.column)
}

// BlueprintSpec is one entry of the blueprints list.
type BlueprintSpec struct {
	Name string
	// VPC or Fanout holds the entry's parameters (one of them is set);
	// name, region, CIDR and tags are filled in per student.
	VPC    *vpc.Params
	Fanout *fanout.Params
	// BlockBits is the prefix length of each student's network block
	// (vpc only).
	BlockBits int
	// Settings are the keys the file set, as "key=value", in file order.
	Settings []string
}

// Blueprints lists the blueprints a lab can hold.
func Blueprints() []string { return []string{"fanout", "vpc"} }

// ReadFunc reads a file named relative to the lab file's directory; the
// command passes one bound to the disk, tests and fuzzing pass their own.
type ReadFunc func(name string) ([]byte, error)

// Parse reads a lab file. file is its name as the user gave it (for
// messages, and to find a student CSV next to it).
func Parse(file string, data []byte, read ReadFunc) (*Spec, error) {
	p := &fileParser{file: file, read: read}
	spec := p.parse(data)
	if len(p.errs) > 0 {
		return nil, p.errs.sorted()
	}
	return spec, nil
}

type fileParser struct {
	file string
	read ReadFunc
	errs Errors
	// badRegion is set when the region is unknown, which every
	// blueprint would report again.
	badRegion bool
	// network is set when the blueprints list names one that builds a
	// network, valid or not.
	network bool
}

func (p *fileParser) at(n ast.Node, format string, args ...any) {
	at := position{file: p.file}
	if n != nil {
		at = p.position(n)
	}
	p.atPosition(at, format, args...)
}

// position is where a node starts. A block mapping's own token is its
// first colon, so it is located by its first key instead.
func (p *fileParser) position(n ast.Node) position {
	switch v := unwrap(n).(type) {
	case *ast.MappingNode:
		if len(v.Values) > 0 && !v.IsFlowStyle {
			n = v.Values[0].Key
		}
	case *ast.MappingValueNode:
		n = v.Key
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		return position{file: p.file, line: t.Position.Line, column: t.Position.Column}
	}
	return position{file: p.file}
}

// atPosition reports a problem at a known position.
func (p *fileParser) atPosition(at position, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: at.file, Line: at.line, Column: at.column, Msg: fmt.Sprintf(format, args...)})
}

// topKeys are the lab file's keys, in the order `lab init` writes them.
var topKeys = []string{"name", "region", "students", "cidr_pool", "blueprints", "format", "budget_usd_per_student_month", "tags"}

func (p *fileParser) parse(data []byte) *Spec {
	if len(data) > maxFileBytes {
		p.at(nil, "the file is %d bytes; a lab file is at most %d", len(data), maxFileBytes)
		return nil
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var syntax *yaml.SyntaxError
		if errors.As(err, &syntax) && syntax.Token != nil && syntax.Token.Position != nil {
			p.errs = append(p.errs, &Error{File: p.file, Line: syntax.Token.Position.Line, Column: syntax.Token.Position.Column, Msg: "not valid YAML: " + syntax.Message})
		} else {
			p.at(nil, "not valid YAML: %v", err)
		}
		return nil
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	switch {
	case len(docs) == 0:
		p.at(nil, "the file is empty; `scaffold lab init` prints a commented example")
		return nil
	case len(docs) > 1:
		p.at(docs[1], "a lab file holds one YAML document; this is a second one")
		return nil
	}
	fields, ok := p.mapping(docs[0], "the lab file", topKeys)
	if !ok {
		return nil
	}
	spec := &Spec{Region: "us-east-1", Format: "both"}
	for _, k := range []string{"name", "students", "blueprints"} {
		if _, set := fields.values[k]; !set {
			p.at(nil, "missing key %q", k)
		}
	}
	if n, ok := fields.values["name"]; ok {
		if name, ok := p.str(n, "name"); ok {
			spec.Name = name
			if err := blueprints.ValidateName(name); err != nil || len(name) > MaxLabName {
				spec.Name = ""
				p.at(n, "name %q: want 2 to %d lowercase letters, digits and hyphens, starting with a letter; it starts every student's resource names", name, MaxLabName)
			}
		}
	}
	if n, ok := fields.values["region"]; ok {
		if region, ok := p.str(n, "region"); ok {
			spec.Region = region
			if _, known := regions.AZCount(region); !known {
				p.badRegion = true
				msg := fmt.Sprintf("region %q is not a region scaffold knows", region)
				if near := regions.Closest(region); near != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", near)
				}
				p.at(n, "%s", msg)
			}
		}
	}
	if n, ok := fields.values["format"]; ok {
		if format, ok := p.str(n, "format"); ok {
			spec.Format = format
			if !slices.Contains(Formats, format) {
				p.at(n, "format %q: want one of %s", format, strings.Join(Formats, ", "))
			}
		}
	}
	if n, ok := fields.values["budget_usd_per_student_month"]; ok {
		if budget, ok := p.number(n, "budget_usd_per_student_month"); ok {
			if budget < 0 || budget > 1e6 || math.IsNaN(budget) {
				p.at(n, "budget_usd_per_student_month: want a number of dollars from 0 (no budget) to 1000000")
			} else {
				spec.BudgetUSD = budget
			}
		}
	}
	if n, ok := fields.values["tags"]; ok {
		spec.Tags = p.tags(n)
	}
	if n, ok := fields.values["students"]; ok {
		spec.Students = p.students(n)
	}
	if n, ok := fields.values["blueprints"]; ok {
		spec.Blueprints = p.blueprints(n, spec.Region)
	}
	network := p.network
	if n, ok := fields.values["cidr_pool"]; ok {
		spec.Pool = p.pool(n, network)
		spec.poolAt = p.position(n)
	} else if network {
		p.at(nil, "missing key \"cidr_pool\": the vpc blueprint needs a block to cut student networks from, such as 10.0.0.0/8")
	}
	p.checkNames(spec)
	return spec
}

// fields is a mapping's values by key, with the mapping for positions.
type fields struct {
	node   ast.Node
	keys   map[string]ast.Node
	values map[string]ast.Node
}

// mapping reads a mapping whose keys must come from allowed; unknown keys
// are errors that suggest the closest allowed key. Duplicate keys are
// already syntax errors from the parser.
func (p *fileParser) mapping(n ast.Node, what string, allowed []string) (fields, bool) {
	n = unwrap(n)
	m, ok := n.(*ast.MappingNode)
	if !ok {
		if mv, single := n.(*ast.MappingValueNode); single {
			m = &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: mv.GetToken(), Values: []*ast.MappingValueNode{mv}}
		} else {
			p.at(n, "%s must be a mapping of keys to values, not %s", what, kind(n))
			return fields{}, false
		}
	}
	out := fields{node: n, keys: map[string]ast.Node{}, values: map[string]ast.Node{}}
	for _, mv := range m.Values {
		key, ok := scalarText(mv.Key)
		if !ok {
			p.at(mv.Key, "%s: keys must be plain words", what)
			continue
		}
		if !slices.Contains(allowed, key) {
			msg := fmt.Sprintf("unknown key %q in %s", key, what)
			if near := closest(key, allowed); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			} else {
				msg += "; known keys: " + strings.Join(allowed, ", ")
			}
			p.at(mv.Key, "%s", msg)
			continue
		}
		out.keys[key] = mv.Key
		out.values[key] = mv.Value
	}
	return out, true
}

// unwrap looks through anchors and tags to the value they mark.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
}

func kind(n ast.Node) string {
	switch unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode, nil:
		return "empty"
	case *ast.AliasNode:
		return "an alias"
	}
	return "a single value"
}

// scalarText returns a scalar's text: strings, numbers and booleans as
// written.
func scalarText(n ast.Node) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	}
	return "", false
}

func (p *fileParser) str(n ast.Node, key string) (string, bool) {
	switch v := unwrap(n).(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return v.GetToken().Value, true
	}
	p.at(n, "%s must be a single value, not %s", key, kind(n))
	return "", false
}

func (p *fileParser) integer(n ast.Node, key string) (int, bool) {
	text, ok := scalarText(n)
	if ok {
		if v, err := strconv.Atoi(text); err == nil {
			return v, true
		}
	}
	p.at(n, "%s must be a whole number", key)
	return 0, false
}

func (p *fileParser) number(n ast.Node, key string) (float64, bool) {
	text, ok := scalarText(n)
	if ok {
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			return v, true
		}
	}
	p.at(n, "%s must be a number", key)
	return 0, false
}

func (p *fileParser) boolean(n ast.Node, key string) (bool, bool) {
	if b, ok := unwrap(n).(*ast.BoolNode); ok {
		return b.Value, true
	}
	p.at(n, "%s must be true or false", key)
	return false, false
}

// list reads a list of single values; a single value counts as a list of
// one, as a comma-separated flag would.
func (p *fileParser) list(n ast.Node, key string) ([]string, bool) {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		if s, ok := p.str(n, key); ok {
			return []string{s}, true
		}
		return nil, false
	}
	out := make([]string, 0, len(seq.Values))
	for _, item := range seq.Values {
		s, ok := p.str(item, key+" entries")
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func (p *fileParser) tags(n ast.Node) []graph.Tag {
	m, ok := unwrap(n).(*ast.MappingNode)
	if !ok {
		if _, single := unwrap(n).(*ast.MappingValueNode); !single {
			p.at(n, "tags must be a mapping such as {Course: DevOps}, not %s", kind(n))
			return nil
		}
		m = &ast.MappingNode{BaseNode: &ast.BaseNode{}, Values: []*ast.MappingValueNode{unwrap(n).(*ast.MappingValueNode)}}
	}
	var pairs []string
	for _, mv := range m.Values {
		key, okKey := scalarText(mv.Key)
		value, okValue := p.str(mv.Value, "a tag value")
		if !okKey || !okValue {
			continue
		}
		switch key {
		case "Owner", "Lab", "Student":
			p.at(mv.Key, "tag %q is set by the lab for every student; remove it", key)
			continue
		}
		pairs = append(pairs, key+"="+value)
	}
	tags, err := blueprints.ParseTags(pairs)
	if err != nil {
		p.at(n, "tags: %v", err)
		return nil
	}
	return tags
}

func (p *fileParser) pool(n ast.Node, network bool) netip.Prefix {
	text, ok := p.str(n, "cidr_pool")
	if !ok {
		return netip.Prefix{}
	}
	pool, err := netip.ParsePrefix(strings.TrimSpace(text))
	switch {
	case err != nil || !pool.Addr().Is4():
		p.at(n, "cidr_pool %q is not an IPv4 block such as 10.0.0.0/8", text)
		return netip.Prefix{}
	case pool.Masked() != pool:
		p.at(n, "cidr_pool %s has host bits set; did you mean %s?", text, pool.Masked())
		return netip.Prefix{}
	case !network:
		p.at(n, "cidr_pool is set, but no blueprint of this lab builds a network; remove it or add a vpc blueprint")
		return netip.Prefix{}
	case pool.Overlaps(netip.MustParsePrefix("198.18.0.0/15")):
		p.at(n, "cidr_pool %s overlaps 198.18.0.0/15, the benchmarking range scaffold reserves; use a private range such as 10.0.0.0/8", text)
		return netip.Prefix{}
	}
	return pool
}

// closest returns the allowed word nearest to s (edit distance at most 2
// and less than half the word), or "".
func closest(s string, allowed []string) string {
	best, bestDistance := "", 3
	for _, a := range allowed {
		if d := distance(s, a); d < bestDistance && d*2 < len(a) {
			best, bestDistance = a, d
		}
	}
	return best
}

// distance is the optimal-string-alignment distance between two short
// words: insertions, deletions, substitutions and swaps of neighbours.
func distance(a, b string) int {
	before := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			// A swap of two neighbours ("vcp") counts as one edit.
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], before[j-2]+1)
			}
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(b)]
}

// checkNames checks every student's deploy name, "<lab>-<id>", against
// the name rule every blueprint applies.
func (p *fileParser) checkNames(spec *Spec) {
	if spec.Name == "" {
		return
	}
	for _, s := range spec.Students {
		name := spec.Name + "-" + s.ID
		if blueprints.ValidateName(name) != nil {
			p.atPosition(s.at, "student %q: the deploy name %q is %d characters; resource names must be %s: shorten the lab name or give the student a shorter id",
				s.ID, name, len(name), blueprints.NameRule)
		}
	}
}

// ext returns a file name's extension, lowercased.
func ext(name string) string { return strings.ToLower(path.Ext(name)) }

// keyOf turns a blueprint flag name into its lab-file key.
func keyOf(flag string) string { return strings.ReplaceAll(flag, "-", "_") }

// blockBitsRange is what prefix_length accepts: the VPC sizes AWS and the
// subnet grid allow.
func blockBitsRange() (int, int) { return cidr.MinVPCPrefix, cidr.MaxVPCPrefix }
