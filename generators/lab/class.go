package lab

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	texttemplate "text/template"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cost"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

// capabilityReporter is a generator that knows what a deploy of its
// output must acknowledge (CloudFormation's --capabilities).
type capabilityReporter interface {
	Capabilities(g *graph.Graph) string
}

// The roster's status column: whether the lab file still lists the
// student. deploy-all.sh deploys active students only; destroy-all.sh
// destroys both.
const (
	StatusActive  = "active"
	StatusRemoved = "removed"
)

// The class-level files, at the top of the lab's folder.
const (
	RosterFile  = "roster.csv"
	DeployAll   = "deploy-all.sh"
	DestroyAll  = "destroy-all.sh"
	ClassReadme = "README.md"
)

// Class renders the class-level files: roster, README, the deploy and
// destroy scripts, and every generator's lab files (a StackSet template,
// a Terraform root over all students).
func (r *Renderer) Class() ([]generators.File, error) {
	data := r.data()
	roster, err := r.roster()
	if err != nil {
		return nil, err
	}
	files := []generators.File{{Path: RosterFile, Content: roster}}
	for _, t := range []struct {
		path, template string
		executable     bool
	}{
		{ClassReadme, "lab-readme.md.tmpl", false},
		{DeployAll, "lab-deploy-all.sh.tmpl", true},
		{DestroyAll, "lab-destroy-all.sh.tmpl", true},
	} {
		content, err := execute(t.template, data)
		if err != nil {
			return nil, err
		}
		f := generators.File{Path: t.path, Content: content}
		if t.executable {
			f.Mode = 0o755
		}
		files = append(files, f)
	}
	for _, gen := range r.generators {
		lg, ok := gen.(generators.LabGenerator)
		if !ok {
			continue
		}
		more, err := lg.GenerateLab(r.lab)
		if err != nil {
			return nil, fmt.Errorf("render lab %q: %w", r.lab.Name, err)
		}
		files = append(files, more...)
	}
	generators.SortFiles(files)
	return files, nil
}

// roster is one CSV line per student: who, where their files are, their
// network and what their environment costs.
func (r *Renderer) roster() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	hour, month := r.perHour(), r.estimate.TotalUSD
	rows := [][]string{{"student", "email", "account", "cidr", "directory", "deploy_name", "cost_usd_hour", "cost_usd_month", "status"}}
	for _, s := range r.lab.Students {
		rows = append(rows, []string{s.ID, s.Email, s.Account, s.CIDR, StudentDir(s), s.Name,
			fmt.Sprintf("%.4f", hour), fmt.Sprintf("%.2f", month), StatusActive})
	}
	// Removed students cost what they cost before as long as their
	// resources run; the estimate is today's lab's, so it is left out.
	for _, s := range r.lab.Removed {
		rows = append(rows, []string{s.ID, s.Email, s.Account, s.CIDR, StudentDir(s), s.Name, "", "", StatusRemoved})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("writing the roster: %w", err)
	}
	return buf.Bytes(), nil
}

// perHour is the hourly cost of one student's environment.
func (r *Renderer) perHour() float64 {
	return r.estimate.TotalUSD / r.estimate.Assumptions.HoursPerMonth
}

// classData is what the class templates read.
type classData struct {
	Lab            *graph.Lab
	Students       int
	Blueprints     []blueprintData
	Terraform      bool
	CloudFormation bool
	// Engine is the deploy scripts' default engine.
	Engine     string
	Capacity   string
	HourUSD    string
	MonthUSD   string
	ClassHour  string
	ClassMonth string
	Budget     string
	OverBudget bool
	Estimate   *cost.Estimate
	Drivers    []cost.Driver
	// Placeholder values, for the student README rendered once.
	Student graph.Student
	// StudentIDs lists the IDs, for scripts' usage text.
	FirstStudent string
}

type blueprintData struct {
	Name     string
	Settings string
	// Capabilities is what `aws cloudformation deploy` must acknowledge.
	Capabilities string
	MonthUSD     string
}

func (r *Renderer) data() classData {
	d := classData{Lab: r.lab, Students: len(r.lab.Students), Estimate: r.estimate, Drivers: r.estimate.Drivers()}
	for _, gen := range r.generators {
		switch gen.Name() {
		case "terraform":
			d.Terraform = true
		case "cloudformation":
			d.CloudFormation = true
		}
	}
	d.Engine = "cloudformation"
	if d.Terraform {
		d.Engine = "terraform"
	}
	for i, b := range r.lab.Blueprints {
		bd := blueprintData{Name: b.Name, Settings: strings.Join(b.Settings, ", "), MonthUSD: money(r.parts[i].Estimate.TotalUSD)}
		if bd.Settings == "" {
			bd.Settings = "defaults"
		}
		for _, gen := range r.generators {
			if c, ok := gen.(capabilityReporter); ok {
				bd.Capabilities = c.Capabilities(b.Student)
			}
		}
		d.Blueprints = append(d.Blueprints, bd)
	}
	n := float64(len(r.lab.Students))
	d.HourUSD = fmt.Sprintf("$%.4f", r.perHour())
	d.MonthUSD = money(r.estimate.TotalUSD)
	d.ClassHour = fmt.Sprintf("$%.2f", r.perHour()*n)
	d.ClassMonth = money(r.estimate.TotalUSD * n)
	if r.lab.BudgetUSDMonth > 0 {
		d.Budget = money(r.lab.BudgetUSDMonth)
		d.OverBudget = r.estimate.TotalUSD > r.lab.BudgetUSDMonth
	}
	if r.lab.Capacity > 0 {
		d.Capacity = fmt.Sprintf("%d", r.lab.Capacity)
	}
	d.Student = graph.Student{ID: graph.PlaceholderStudent, Name: graph.PlaceholderName, Email: graph.PlaceholderOwner}
	if r.lab.BlockBits > 0 {
		d.Student.CIDR = graph.PlaceholderCIDR(r.lab.BlockBits)
	}
	d.FirstStudent = r.lab.Students[0].ID
	return d
}

// money writes dollars with cents and thousands separators.
func money(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	whole, cents, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return "$" + b.String() + "." + cents
}

func execute(name string, data any) ([]byte, error) {
	tmpl, err := texttemplate.New(name).Option("missingkey=error").Funcs(texttemplate.FuncMap{
		"mul100": func(v float64) float64 { return v * 100 },
	}).ParseFS(templates.FS, name, "lab-common.sh.tmpl")
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// studentReadme renders the README of the placeholder student.
func studentReadme(r *Renderer) ([]byte, error) {
	return execute("lab-student-readme.md.tmpl", r.data())
}

// ReadRoster reads a roster this package wrote: its students, active and
// removed, with their blocks. Unknown columns are ignored, so a roster
// from an older scaffold (without status) still reads.
func ReadRoster(data []byte) ([]graph.Student, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	column := map[string]int{}
	for i, h := range header {
		column[h] = i
	}
	if _, ok := column["student"]; !ok {
		return nil, fmt.Errorf("no student column")
	}
	if _, ok := column["cidr"]; !ok {
		return nil, fmt.Errorf("no cidr column")
	}
	get := func(record []string, name string) string {
		if i, ok := column[name]; ok && i < len(record) {
			return record[i]
		}
		return ""
	}
	var students []graph.Student
	for {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			return students, nil
		}
		if err != nil {
			return nil, err
		}
		s := graph.Student{ID: get(record, "student"), Email: get(record, "email"), Account: get(record, "account"),
			Name: get(record, "deploy_name"), CIDR: get(record, "cidr")}
		// The ID names a folder: nothing that could leave students/.
		if s.ID == "" || s.ID == "." || s.ID == ".." || strings.ContainsAny(s.ID, `/\`) {
			continue
		}
		students = append(students, s)
	}
}
