// Package lab renders a lab (graph.Lab): every student's folder, and the
// class-level files an instructor works with (roster, README, deploy and
// destroy scripts, and the scale-out options: a StackSet template and a
// Terraform root that calls one module per student with for_each).
//
// A student's files are never rendered from scratch. Each blueprint's
// placeholder-student graph is rendered once per format, the result is cut
// at every placeholder, and a student's file is the pieces joined with the
// student's values. Rendering one file is then a few copies, which is what
// makes a thousand students take about as long as writing their files.
// The cmd/lab tests prove that the joined files are byte for byte what a
// full render for that student gives.
package lab

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// StudentsDir holds one folder per student.
const StudentsDir = "students"

// Renderer renders one lab.
type Renderer struct {
	lab        *graph.Lab
	generators []generators.Generator
	templates  []template
	encoders   []func(string) ([]byte, error)
	estimate   *cost.Estimate
	parts      []cost.Part
}

// template is one file of a student's folder, cut at its placeholders.
type template struct {
	path string
	mode fs.FileMode
	// encoder indexes Renderer.encoders: how the generator that made the
	// file writes a value where a placeholder stood (a YAML template quotes
	// "no"); -1 means as it is (inside an HCL string, or in prose).
	encoder int
	// pieces are the literal text around the placeholders: pieces[i]
	// comes before slots[i], and the last piece ends the file.
	pieces [][]byte
	slots  []int
}

// valueEncoder is a generator whose placeholders stand as whole values
// that its format may need to quote (CloudFormation's YAML).
type valueEncoder interface {
	EncodeValue(s string) ([]byte, error)
}

// New renders the lab's blueprints once with every generator given (those
// --format selected) and prepares the student templates.
func New(l *graph.Lab, gens []generators.Generator) (*Renderer, error) {
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("render lab %q: %w", l.Name, err)
	}
	if len(gens) == 0 {
		return nil, errors.New("render lab: no generators")
	}
	r := &Renderer{lab: l, generators: gens}
	placeholders := l.Placeholders()
	for _, b := range l.Blueprints {
		for _, gen := range gens {
			files, err := gen.Generate(b.Student)
			if err != nil {
				return nil, fmt.Errorf("render lab %q, blueprint %s: %w", l.Name, b.Name, err)
			}
			encoder := -1
			if e, ok := gen.(valueEncoder); ok {
				encoder = len(r.encoders)
				r.encoders = append(r.encoders, e.EncodeValue)
			}
			for _, f := range files {
				// Each student's folder has one README for all blueprints.
				if f.Path == "README.md" {
					continue
				}
				t := cut(path.Join(b.Name, f.Path), f, placeholders)
				t.encoder = encoder
				r.templates = append(r.templates, t)
			}
		}
		e, err := cost.Of(b.Student, cost.DefaultAssumptions())
		if err != nil {
			return nil, fmt.Errorf("render lab %q, blueprint %s: %w", l.Name, b.Name, err)
		}
		r.parts = append(r.parts, cost.Part{Stack: b.Name, Estimate: e})
	}
	r.estimate = cost.Combine(r.parts)
	readme, err := studentReadme(r)
	if err != nil {
		return nil, err
	}
	r.templates = append(r.templates, cut("README.md", generators.File{Content: readme}, placeholders))
	return r, nil
}

// cut splits a rendered file at every occurrence of a placeholder.
func cut(name string, f generators.File, placeholders []string) template {
	t := template{path: name, mode: f.Mode, encoder: -1}
	rest := f.Content
	for {
		at, which := -1, -1
		for i, p := range placeholders {
			if p == "" {
				continue
			}
			if j := bytes.Index(rest, []byte(p)); j >= 0 && (at < 0 || j < at) {
				at, which = j, i
			}
		}
		if at < 0 {
			t.pieces = append(t.pieces, rest)
			return t
		}
		t.pieces = append(t.pieces, rest[:at])
		t.slots = append(t.slots, which)
		rest = rest[at+len(placeholders[which]):]
	}
}

// Estimate is the monthly cost of one student's environment.
func (r *Renderer) Estimate() *cost.Estimate { return r.estimate }

// Parts are the estimates of each blueprint, named after it.
func (r *Renderer) Parts() []cost.Part { return r.parts }

// StudentDir is the folder of a student, relative to the lab's.
func StudentDir(s graph.Student) string { return StudentsDir + "/" + s.ID }

// Student renders the i-th student's files, with paths relative to the
// student's folder.
func (r *Renderer) Student(i int) ([]generators.File, error) {
	if i < 0 || i >= len(r.lab.Students) {
		return nil, fmt.Errorf("no student %d", i)
	}
	raw := r.lab.Values(r.lab.Students[i])
	plain := make([][]byte, len(raw))
	for j, v := range raw {
		plain[j] = []byte(v)
	}
	// The values as each encoder writes them, once per student.
	encoded := make([][][]byte, len(r.encoders))
	for e, encode := range r.encoders {
		encoded[e] = make([][]byte, len(raw))
		for j, v := range raw {
			q, err := encode(v)
			if err != nil {
				return nil, fmt.Errorf("student %s: %w", r.lab.Students[i].ID, err)
			}
			encoded[e][j] = q
		}
	}
	files := make([]generators.File, len(r.templates))
	for k := range r.templates {
		t := &r.templates[k]
		values := plain
		if t.encoder >= 0 {
			values = encoded[t.encoder]
		}
		size := 0
		for _, p := range t.pieces {
			size += len(p)
		}
		for _, s := range t.slots {
			size += len(values[s])
		}
		content := make([]byte, 0, size)
		for n, s := range t.slots {
			content = append(content, t.pieces[n]...)
			content = append(content, values[s]...)
		}
		content = append(content, t.pieces[len(t.pieces)-1]...)
		files[k] = generators.File{Path: t.path, Content: content, Mode: t.mode}
	}
	return files, nil
}
