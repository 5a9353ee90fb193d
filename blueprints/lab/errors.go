package lab

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in a lab file, at a line and column (1-based; 0
// when the problem is about the file as a whole).
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

// Error reads "lab.yaml:4:3: unknown key ...", the form editors and
// terminals turn into a link.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// Errors is every problem found in a lab file, in file order. Parsing
// goes on after the first problem, so one run shows them all.
type Errors []*Error

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, err := range e {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// sorted orders errors by position, keeping the order of errors at the
// same position, and drops exact repeats.
func (e Errors) sorted() Errors {
	sort.SliceStable(e, func(i, j int) bool {
		if e[i].File != e[j].File {
			return e[i].File < e[j].File
		}
		if e[i].Line != e[j].Line {
			return e[i].Line < e[j].Line
		}
		return e[i].Column < e[j].Column
	})
	out := e[:0]
	for i, err := range e {
		if i > 0 && *err == *e[i-1] {
			continue
		}
		out = append(out, err)
	}
	return out
}

// AsErrors returns the lab-file errors in err, if it holds any.
func AsErrors(err error) (Errors, bool) {
	var list Errors
	if errors.As(err, &list) {
		return list, true
	}
	var one *Error
	if errors.As(err, &one) {
		return Errors{one}, true
	}
	return nil, false
}
