package graph

import (
	"errors"
	"fmt"
	"regexp"
)

// Runbook is an operational procedure that belongs with a deployment, such
// as a pilot light's failover: numbered steps, each with the commands to
// run, the time it takes and what it means for the recovery objectives.
// The docs generator renders it as RUNBOOK.md, and the steps marked Script
// as an executable script that runs exactly the same commands, so the
// procedure a person reads is the one CI rehearses.
//
// Commands are shell text written against Variables (DR_REGION, NAME...)
// rather than literal names, so that the script can take the deployment's
// actual names from the environment, the way deploy.sh does, while the
// runbook shows their generated values.
type Runbook struct {
	// Title heads the document; Intro is its first paragraph.
	Title, Intro string
	// Variables are set before any step runs, in order.
	Variables []RunbookVariable
	// Steps are the procedure, in order.
	Steps []RunbookStep
	// Objectives summarise, in a table, what the procedure recovers and
	// how fast (RTO and RPO per phase, say).
	Objectives Table
	// ScriptName names the executable rendering of the Script steps
	// ("failover.sh").
	ScriptName string
}

// RunbookVariable is one shell variable the commands use.
type RunbookVariable struct {
	// Name is the variable ("DR_REGION"); Env the environment variable the
	// script reads it from (the same as deploy.sh's where one exists);
	// Value its generated default.
	Name, Env, Value string
	// Description says what it holds, in a few words.
	Description string
}

// RunbookStep is one step of a runbook.
type RunbookStep struct {
	// Title names the step ("Promote the replica"); Body says what it does
	// and why, in a paragraph.
	Title, Body string
	// Commands is the shell to run, one command per line (continuation
	// lines allowed), using only the runbook's variables and variables the
	// step's earlier lines set. Empty for a step that is a decision.
	Commands string
	// Expected is how long the step takes ("5–15 minutes"); Objective what
	// the recovery stands at afterwards ("RTO so far: 10–20 minutes").
	Expected, Objective string
	// Script includes the step in the runbook's script.
	Script bool
}

// runbookVariable is the shape of a variable or environment name.
var runbookVariable = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

// runbookValue is what a variable's default may contain: it is written
// into a script unquoted inside "${ENV:-value}", so no shell
// metacharacters.
var runbookValue = regexp.MustCompile(`^[A-Za-z0-9._/:-]*$`)

// Validate checks that the runbook can be rendered safely: a title, a
// script name when a step is scripted, variables and defaults of a safe
// shape, and steps with titles.
func (r *Runbook) Validate() error {
	var errs []error
	if r.Title == "" {
		errs = append(errs, errors.New("runbook has no title"))
	}
	seen := map[string]bool{}
	for _, v := range r.Variables {
		switch {
		case !runbookVariable.MatchString(v.Name) || !runbookVariable.MatchString(v.Env):
			errs = append(errs, fmt.Errorf("runbook variable %q (environment %q): names must be upper-case shell names", v.Name, v.Env))
		case !runbookValue.MatchString(v.Value):
			errs = append(errs, fmt.Errorf("runbook variable %q: default %q has characters a script cannot take unquoted", v.Name, v.Value))
		case seen[v.Name]:
			errs = append(errs, fmt.Errorf("runbook variable %q is declared twice", v.Name))
		}
		seen[v.Name] = true
	}
	scripted := false
	for i, s := range r.Steps {
		if s.Title == "" {
			errs = append(errs, fmt.Errorf("runbook step %d has no title", i+1))
		}
		if s.Script {
			scripted = true
			if s.Commands == "" {
				errs = append(errs, fmt.Errorf("runbook step %q is scripted but has no commands", s.Title))
			}
		}
	}
	if scripted && !regexp.MustCompile(`^[a-z][a-z0-9-]*\.sh$`).MatchString(r.ScriptName) {
		errs = append(errs, fmt.Errorf("runbook script name %q: want a lowercase name ending in .sh", r.ScriptName))
	}
	return errors.Join(errs...)
}
