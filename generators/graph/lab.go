package graph

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Lab is a class: one environment per student, every one built from the
// same graphs. Students differ only in a handful of values (the deploy
// name, the network block and the tags that say whose environment it is),
// so the graphs are built once with placeholders where those values go and
// each student's files are the rendered placeholders replaced by the
// student's values. That is what lets a thousand environments render in
// about the time of one, and it is why a lab can also be shipped as one
// CloudFormation StackSet template or one Terraform module called with
// for_each.
type Lab struct {
	// Name is the lab's short name ("devops-101"); it prefixes every
	// student's deploy name and is the Lab tag.
	Name   string
	Region string
	// Blueprints are deployed side by side for every student, in this
	// order; none reads another's outputs.
	Blueprints []LabBlueprint
	Students   []Student
	// Removed are students of an earlier run that the lab no longer
	// lists but whose folders are still there: their resources may still
	// run, so they keep their network blocks (no one else gets them) and
	// the roster keeps them until their folders are deleted.
	Removed []Student
	// Pool is the block students' networks are cut from ("10.0.0.0/8"),
	// BlockBits the prefix length of each student's block and Capacity
	// the number of such blocks in the pool; all are empty when no
	// blueprint builds a network.
	Pool      string
	BlockBits int
	Capacity  int
	// BudgetUSDMonth is what one student's environment may cost a month,
	// or 0 for no budget.
	BudgetUSDMonth float64
	// Tags apply to every student's resources, beside the Owner and
	// Student tags that differ per student.
	Tags []Tag
}

// LabBlueprint is one blueprint of a lab.
type LabBlueprint struct {
	// Name is the blueprint ("vpc", "fanout"); it names the blueprint's
	// directory in every student's folder and ends its stack names.
	Name string
	// Settings is what the lab file set for this blueprint, as
	// "key=value" strings in file order, for the README.
	Settings []string
	// Student is the blueprint built for the placeholder student: its
	// name parameter defaults to PlaceholderName, its network block
	// parameter to PlaceholderCIDR, and its Owner and Student tags hold
	// PlaceholderOwner and PlaceholderStudent.
	Student *Graph
	// Shared is the blueprint built once for all students, with the
	// per-student values as parameters (name, the network block, and tags
	// read from the student and owner parameters): a StackSet template,
	// with one parameter override per student.
	Shared *Graph
}

// Student is one environment's owner.
type Student struct {
	// ID is the student's short identifier ("alice", "student-007"):
	// the folder name and the end of the deploy name.
	ID string
	// Email and Account are optional: the Owner tag prefers the email,
	// and a StackSet instance needs the account.
	Email   string
	Account string
	// Name is the deploy name, "<lab>-<id>": the prefix of every resource
	// name, so that students sharing an account never collide.
	Name string
	// CIDR is the student's network block, or "" when the lab has no
	// network.
	CIDR string
}

// Per-student parameters: what differs between students, as parameters
// of a lab's Shared graphs. A Shared graph's parameters without a default
// are all of this list, and Student.Value gives each student's value.
const (
	LabParamName    = "name"
	LabParamStudent = "student"
	LabParamOwner   = "owner"
	LabParamCIDR    = "vpc_cidr"
)

// Value is the student's value of a per-student parameter.
func (s Student) Value(param string) (string, bool) {
	switch param {
	case LabParamName:
		return s.Name, true
	case LabParamStudent:
		return s.ID, true
	case LabParamOwner:
		return s.Owner(), true
	case LabParamCIDR:
		return s.CIDR, s.CIDR != ""
	}
	return "", false
}

// Owner is the Owner tag: the student's email when known, else the ID.
func (s Student) Owner() string {
	if s.Email != "" {
		return s.Email
	}
	return s.ID
}

// Placeholders stand in a lab's Student graphs for the values that differ
// per student. Each is a whole value wherever it appears (a parameter
// default, a tag value), which is what makes replacing it in rendered text
// exact, and each passes the checks the real value passes: the name and
// student placeholders are valid names, the CIDR one is a valid block
// from a range no lab uses.
const (
	PlaceholderName    = "zzscaffoldnamezz"
	PlaceholderStudent = "zzscaffoldstudentzz"
	PlaceholderOwner   = "zzscaffoldownerzz"
)

// PlaceholderCIDR is the placeholder network block of a lab whose students
// get /bits blocks: inside 198.18.0.0/15, the range RFC 2544 sets aside
// for benchmarks, which no pool may overlap.
func PlaceholderCIDR(bits int) string {
	return fmt.Sprintf("198.18.0.0/%d", bits)
}

// labParams are the per-student parameters in the order of the
// placeholders that stand for them.
var labParams = [...]string{LabParamName, LabParamStudent, LabParamOwner, LabParamCIDR}

// Values returns the student's value for each placeholder, in the order
// of Placeholders.
func (l *Lab) Values(s Student) []string {
	values := make([]string, len(labParams))
	for i, p := range labParams {
		values[i], _ = s.Value(p)
	}
	return values
}

// Placeholders lists the lab's placeholders, one per per-student
// parameter; the network block's is empty when the lab has no network.
func (l *Lab) Placeholders() []string {
	cidr := ""
	if l.BlockBits > 0 {
		cidr = PlaceholderCIDR(l.BlockBits)
	}
	return []string{PlaceholderName, PlaceholderStudent, PlaceholderOwner, cidr}
}

var labBlueprintName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// Validate checks what generators rely on: a name, at least one blueprint
// and one student, unique students, and Student and Shared graphs that
// are valid on their own.
func (l *Lab) Validate() error {
	var errs []error
	if l.Name == "" {
		errs = append(errs, errors.New("lab has no name"))
	}
	if len(l.Blueprints) == 0 {
		errs = append(errs, errors.New("lab has no blueprints"))
	}
	if len(l.Students) == 0 {
		errs = append(errs, errors.New("lab has no students"))
	}
	seen := map[string]bool{}
	for _, b := range l.Blueprints {
		if !labBlueprintName.MatchString(b.Name) || seen["blueprint "+b.Name] {
			errs = append(errs, fmt.Errorf("lab blueprint %q: missing, repeated or not a lowercase name", b.Name))
		}
		seen["blueprint "+b.Name] = true
		for _, g := range []*Graph{b.Student, b.Shared} {
			if g == nil {
				errs = append(errs, fmt.Errorf("lab blueprint %q lacks a graph", b.Name))
				continue
			}
			if err := g.Validate(); err != nil {
				errs = append(errs, fmt.Errorf("lab blueprint %q: %w", b.Name, err))
			}
		}
		if b.Shared == nil {
			continue
		}
		for _, p := range b.Shared.Parameters {
			if _, ok := (Student{}).Value(p.Name); p.Default == nil && !ok && p.Name != LabParamCIDR {
				errs = append(errs, fmt.Errorf("lab blueprint %q: parameter %q has no default and is not a per-student parameter", b.Name, p.Name))
			}
		}
	}
	for _, s := range append(append([]Student(nil), l.Students...), l.Removed...) {
		if s.ID == "" || strings.ContainsAny(s.ID, "/\\ ") || seen["student "+s.ID] {
			errs = append(errs, fmt.Errorf("lab student %q: missing, repeated or not a folder name", s.ID))
		}
		seen["student "+s.ID] = true
		if (s.CIDR == "") != (l.BlockBits == 0) {
			errs = append(errs, fmt.Errorf("lab student %q: a network block is needed exactly when the lab has a network", s.ID))
		}
	}
	return errors.Join(errs...)
}
