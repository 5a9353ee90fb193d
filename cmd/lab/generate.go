package lab

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scaffold-iac/scaffold/blueprints/lab"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
	genlab "github.com/scaffold-iac/scaffold/generators/lab"
)

// GenerateOptions are the parsed flags of `scaffold lab generate`.
type GenerateOptions struct {
	IO      *cmdutil.IOStreams
	Factory *cmdutil.Factory
	File    string
	Out     string
	Jobs    int
	Force   bool
	DryRun  bool
	// Now is the clock the progress bar reads; nil means time.Now.
	Now func() time.Time
}

// classSkip are the lab folder's subdirectories the class-level files do
// not own: each student's folder has its own manifest, and the deploy
// scripts keep their logs and progress beside them.
var classSkip = []string{genlab.StudentsDir, "logs", ".state"}

// Prepared is a lab ready to write: parsed, allocated and rendered once.
type Prepared struct {
	Spec     *lab.Spec
	Lab      *graph.Lab
	Renderer *genlab.Renderer
	Class    []generators.File
	Out      string
	Warnings []string
}

// RunGenerate reads the lab file, renders the lab and writes it.
func RunGenerate(opts *GenerateOptions) error {
	p, err := Prepare(opts)
	if err != nil {
		return err
	}
	for _, w := range p.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", w)
	}
	if opts.DryRun {
		return dryRun(opts, p)
	}
	written, err := Write(opts, p)
	if err != nil {
		return err
	}
	e := p.Renderer.Estimate()
	n := float64(len(p.Lab.Students))
	fmt.Fprintf(opts.IO.Out, "wrote lab %s to %s: %d students (%d files each), roster.csv, README.md, deploy-all.sh, destroy-all.sh%s\n",
		p.Lab.Name, p.Out, len(p.Lab.Students), written, scaleOut(p))
	fmt.Fprintf(opts.IO.Out, "estimated cost: $%.2f a month per student, $%.2f for the class (%s prices, %s)\n",
		e.TotalUSD, e.TotalUSD*n, e.PriceDate, e.Region)
	fmt.Fprintf(opts.IO.Out, "next: read %s, then run %s\n",
		filepath.Join(p.Out, genlab.ClassReadme), filepath.Join(p.Out, genlab.DeployAll))
	return nil
}

func scaleOut(p *Prepared) string {
	var parts []string
	for _, f := range p.Class {
		dir, _, _ := strings.Cut(f.Path, "/")
		if (dir == "stackset" || dir == "terraform") && !slices.Contains(parts, dir+"/") {
			parts = append(parts, dir+"/")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// Prepare does everything but writing: reads and checks the lab file,
// keeps the blocks of the last run's roster, renders once, checks the
// rendered files and the budget.
func Prepare(opts *GenerateOptions) (*Prepared, error) {
	data, err := os.ReadFile(opts.File)
	if err != nil {
		return nil, cmdutil.FlagErrorf("--file: %v", friendly(err))
	}
	dir := filepath.Dir(opts.File)
	read := func(name string) ([]byte, error) {
		if filepath.IsAbs(name) {
			return os.ReadFile(name)
		}
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	}
	spec, err := lab.Parse(opts.File, data, read)
	if err != nil {
		if list, ok := lab.AsErrors(err); ok {
			return nil, cmdutil.FlagErrorf("%s has %s:\n%v", opts.File, plural(len(list), "problem"), list)
		}
		return nil, err
	}
	out := opts.Out
	if out == "" {
		out = spec.Name
	}
	previous, err := readRoster(out)
	if err != nil {
		return nil, err
	}
	l, warnings, err := lab.Build(spec, previous)
	if err != nil {
		var pool *lab.PoolError
		if errors.As(err, &pool) {
			return nil, cmdutil.FlagErrorWrap(err)
		}
		return nil, fmt.Errorf("building lab %s: %w", spec.Name, err)
	}
	if !opts.Force {
		if err := droppedBlueprints(out, l); err != nil {
			return nil, err
		}
	}
	gens, err := generatorsFor(opts.Factory, spec.Format)
	if err != nil {
		return nil, err
	}
	r, err := genlab.New(l, gens)
	if err != nil {
		return nil, err
	}
	class, err := r.Class()
	if err != nil {
		return nil, err
	}
	if opts.Factory.Validate != nil {
		if err := check(opts.Factory.Validate, r, l, class); err != nil {
			return nil, err
		}
	}
	advice, err := budgetAdvice(spec, l, r.Estimate())
	if err != nil {
		return nil, err
	}
	warnings = append(warnings, advice...)
	warnings = append(warnings, leftBehind(out, l)...)
	return &Prepared{Spec: spec, Lab: l, Renderer: r, Class: class, Out: out, Warnings: warnings}, nil
}

func friendly(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return fmt.Errorf("cannot read %s: %w", pathErr.Path, pathErr.Err)
	}
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// generatorsFor selects the lab's formats from the factory's generators.
func generatorsFor(f *cmdutil.Factory, format string) ([]generators.Generator, error) {
	var out []generators.Generator
	for _, g := range f.Generators {
		if format == cmdutil.FormatBoth || g.Name() == format {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return nil, cmdutil.FlagErrorf("no generator renders format %q", format)
	}
	return out, nil
}

// check runs the schema checks once: every student's files come from the
// same pieces, so the first student stands for all of them.
func check(validate func([]generators.File) error, r *genlab.Renderer, l *graph.Lab, class []generators.File) error {
	files, err := r.Student(0)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range l.Blueprints {
		var own []generators.File
		for _, f := range files {
			if rest, ok := strings.CutPrefix(f.Path, b.Name+"/"); ok {
				own = append(own, generators.File{Path: rest, Content: f.Content})
			}
		}
		if err := validate(own); err != nil {
			errs = append(errs, fmt.Errorf("students/%s/%s: %w", l.Students[0].ID, b.Name, err))
		}
	}
	var shared []generators.File
	for _, f := range class {
		if rest, ok := strings.CutPrefix(f.Path, "stackset/"); ok && strings.HasSuffix(rest, ".yaml") {
			shared = append(shared, generators.File{Path: "cloudformation/" + rest, Content: f.Content})
		} else if strings.HasPrefix(f.Path, "terraform/") {
			shared = append(shared, f)
		}
	}
	if err := validate(shared); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("generated lab failed its checks (a scaffold bug; nothing was written):\n%w", err)
	}
	return nil
}

// budgetAdvice warns when a student's environment is over budget, and
// says what the cheaper settings would cost.
func budgetAdvice(spec *lab.Spec, l *graph.Lab, e *cost.Estimate) ([]string, error) {
	if l.BudgetUSDMonth <= 0 || e.TotalUSD <= l.BudgetUSDMonth {
		return nil, nil
	}
	msg := fmt.Sprintf("one student's environment is estimated at $%.2f a month, over the budget of $%.2f (budget_usd_per_student_month)", e.TotalUSD, l.BudgetUSDMonth)
	alternatives, err := lab.Cheaper(spec)
	if err != nil {
		return nil, err
	}
	var options []string
	for _, a := range alternatives {
		total := 0.0
		for _, g := range a.Graphs {
			ae, err := cost.Of(g, cost.DefaultAssumptions())
			if err != nil {
				return nil, err
			}
			total += ae.TotalUSD
		}
		if total >= e.TotalUSD {
			continue
		}
		fit := "still over"
		if total <= l.BudgetUSDMonth {
			fit = "within budget"
		}
		options = append(options, fmt.Sprintf("%s: $%.2f a month, %s (%s)", a.Change, total, fit, a.Consequence))
	}
	if len(options) == 0 {
		return []string{msg + "; no cheaper setting of these blueprints exists, so raise the budget or remove a blueprint"}, nil
	}
	return []string{msg + "; cheaper: " + strings.Join(options, "; ")}, nil
}

// leftBehind names the students of an earlier run that the lab no longer
// lists but whose folders remain: they keep their blocks and stay in the
// roster as removed until their folders are deleted.
func leftBehind(out string, l *graph.Lab) []string {
	if len(l.Removed) == 0 {
		return nil
	}
	ids := make([]string, len(l.Removed))
	for i, s := range l.Removed {
		ids[i] = s.ID
	}
	return []string{fmt.Sprintf("no longer in the lab file, but their folders remain: %s; they keep their network blocks and stay in roster.csv as removed. Destroy their resources (%s --yes %s), then delete their folders under %s",
		strings.Join(ids, ", "), filepath.Join(out, genlab.DestroyAll), strings.Join(ids, " "), filepath.Join(out, genlab.StudentsDir))}
}

// readRoster reads the students of the last run whose folders under out
// are still there (a student whose folder was deleted has been cleaned
// up, and frees their block). A missing roster means a first run.
func readRoster(out string) ([]graph.Student, error) {
	name := filepath.Join(out, genlab.RosterFile)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the last run's roster: %w", err)
	}
	all, err := genlab.ReadRoster(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (delete it to allocate networks afresh)", name, err)
	}
	var present []graph.Student
	for _, s := range all {
		if info, err := os.Stat(filepath.Join(out, genlab.StudentsDir, s.ID)); err == nil && info.IsDir() {
			present = append(present, s)
		}
	}
	return present, nil
}

// droppedBlueprints refuses a run that would take a blueprint away from
// students whose folders hold it: its resources may be running, and the
// regenerated scripts would no longer know how to destroy them.
func droppedBlueprints(out string, l *graph.Lab) error {
	names := map[string]bool{}
	for _, b := range l.Blueprints {
		names[b.Name] = true
	}
	var dropped []string
	for _, s := range l.Students {
		entries, err := os.ReadDir(filepath.Join(out, genlab.StudentsDir, s.ID))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !names[e.Name()] {
				dropped = append(dropped, filepath.Join(genlab.StudentsDir, s.ID, e.Name()))
			}
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	more := ""
	if len(dropped) > 1 {
		more = fmt.Sprintf(" and %d more", len(dropped)-1)
	}
	return cmdutil.FlagErrorf("%s%s hold a blueprint the lab file no longer lists; destroy it first with the scripts still in %s (they know it) and delete those folders, then run again; --force deletes its generated files (Terraform state files are kept)",
		filepath.Join(out, dropped[0]), more, out)
}

func dryRun(opts *GenerateOptions, p *Prepared) error {
	files, err := p.Renderer.Student(0)
	if err != nil {
		return err
	}
	e := p.Renderer.Estimate()
	w := opts.IO.Out
	fmt.Fprintf(w, "lab %s: %d students in %s, format %s\n", p.Lab.Name, len(p.Lab.Students), p.Lab.Region, p.Spec.Format)
	for _, b := range p.Lab.Blueprints {
		fmt.Fprintf(w, "  blueprint %s: %s\n", b.Name, strings.Join(b.Settings, ", "))
	}
	if p.Lab.Pool != "" {
		first, last := p.Lab.Students[0], p.Lab.Students[len(p.Lab.Students)-1]
		fmt.Fprintf(w, "networks: /%d blocks of %s, %s (%s) to %s (%s)\n", p.Lab.BlockBits, p.Lab.Pool, first.CIDR, first.ID, last.CIDR, last.ID)
	}
	fmt.Fprintf(w, "would write to %s: %d files per student (%d in all), and %d class files:\n", p.Out, len(files), len(files)*len(p.Lab.Students), len(p.Class))
	for _, f := range files {
		fmt.Fprintf(w, "  %s/%s\n", genlab.StudentDir(p.Lab.Students[0]), f.Path)
	}
	for _, f := range p.Class {
		fmt.Fprintf(w, "  %s\n", f.Path)
	}
	fmt.Fprintf(w, "estimated cost: $%.2f a month per student, $%.2f for the class\n", e.TotalUSD, e.TotalUSD*float64(len(p.Lab.Students)))
	return nil
}
