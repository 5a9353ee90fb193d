package lab

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

var (
	studentID = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)
	email     = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
	account   = regexp.MustCompile(`^[0-9]{12}$`)
)

// studentKeys are the keys of a student given as a mapping, and the
// columns a student CSV may have.
var studentKeys = []string{"name", "id", "email", "account"}

// NumberedID is the ID of the n-th (1-based) student of a lab that gives
// a count. The number is padded to three digits but never cut, so going
// from 999 to 1,000 students renames no one.
func NumberedID(n int) string { return fmt.Sprintf("student-%03d", n) }

// students reads the students key: a count, a list, or the name of a CSV
// file next to the lab file.
func (p *fileParser) students(n ast.Node) []StudentSpec {
	var list []StudentSpec
	before := len(p.errs)
	switch v := unwrap(n).(type) {
	case *ast.IntegerNode:
		count, _ := p.integer(v, "students")
		if count < 1 || count > MaxStudents {
			p.at(v, "students: want 1 to %d students, a list of names, or a CSV file with a name column", MaxStudents)
			return nil
		}
		at := p.position(v)
		for i := 1; i <= count; i++ {
			list = append(list, StudentSpec{ID: NumberedID(i), at: at})
		}
		return list
	case *ast.StringNode:
		if ext(v.Value) != ".csv" {
			p.at(v, "students: %q is neither a count, a list nor a .csv file", v.Value)
			return nil
		}
		list = p.studentCSV(v)
	case *ast.SequenceNode:
		for _, item := range v.Values {
			if s, ok := p.student(item); ok {
				list = append(list, s)
			}
		}
	default:
		p.at(n, "students: want a count, a list of names, or a CSV file with a name column, not %s", kind(n))
		return nil
	}
	if len(list) == 0 && len(p.errs) == before {
		p.at(n, "students: the list is empty")
	}
	if len(list) > MaxStudents {
		p.at(n, "students: %d students; a lab takes at most %d", len(list), MaxStudents)
		return nil
	}
	return p.unique(list)
}

// student reads one list entry: a name, or a mapping with name (or id),
// email and account.
func (p *fileParser) student(n ast.Node) (StudentSpec, bool) {
	at := p.position(n)
	if name, ok := scalarText(n); ok {
		return p.newStudent(at, name, "", "", "")
	}
	f, ok := p.mapping(n, "a student", studentKeys)
	if !ok {
		return StudentSpec{}, false
	}
	values := map[string]string{}
	for _, k := range studentKeys {
		if v, set := f.values[k]; set {
			text, ok := p.str(v, k)
			if !ok {
				return StudentSpec{}, false
			}
			values[k] = text
		}
	}
	if values["name"] == "" && values["id"] == "" {
		p.at(n, "a student needs a name (or an id)")
		return StudentSpec{}, false
	}
	return p.newStudent(at, values["name"], values["id"], values["email"], values["account"])
}

// newStudent checks one student's fields. The ID is the given id, or the
// name made into one ("Ada Lovelace" → "ada-lovelace").
func (p *fileParser) newStudent(at position, name, id, mail, acct string) (StudentSpec, bool) {
	ok := true
	if id == "" {
		id = slug(name)
	}
	if !studentID.MatchString(id) {
		p.atPosition(at, "student %q: cannot make a folder name of it; give an id of lowercase letters, digits and hyphens (such as ada-l)", firstNonEmpty(name, id))
		ok = false
	}
	if mail != "" && !email.MatchString(mail) {
		p.atPosition(at, "student %q: %q is not an email address", id, mail)
		ok = false
	}
	if acct != "" && !account.MatchString(acct) {
		p.atPosition(at, "student %q: account %q is not a 12-digit AWS account ID", id, acct)
		ok = false
	}
	return StudentSpec{ID: id, Email: mail, Account: acct, at: at}, ok
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// slug lowercases a name and joins its words with hyphens; characters
// outside ASCII letters and digits make it invalid rather than dropped,
// so two names never become the same ID by accident.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
			dash = false
		case r == ' ' || r == '-' || r == '_' || r == '.':
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
		default:
			return "" // invalid; reported by the caller
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// studentCSV reads students from a CSV file with a header row naming its
// columns (name or id required; email and account optional).
func (p *fileParser) studentCSV(n *ast.StringNode) []StudentSpec {
	if p.read == nil {
		p.at(n, "students: cannot read %s here", n.Value)
		return nil
	}
	data, err := p.read(n.Value)
	if err != nil {
		p.at(n, "students: cannot read %s: %v", n.Value, err)
		return nil
	}
	if len(data) > maxFileBytes {
		p.at(n, "students: %s is over %d bytes", n.Value, maxFileBytes)
		return nil
	}
	file := n.Value
	r := csv.NewReader(bytes.NewReader(data))
	r.TrimLeadingSpace = true
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		p.atPosition(position{file: file, line: 1}, "want a header row naming the columns (name,email), got %v", csvError(err))
		return nil
	}
	columns := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, known := columns[h]; known || !containsString(studentKeys, h) {
			p.atPosition(position{file: file, line: 1}, "column %q: want each of %s at most once", h, strings.Join(studentKeys, ", "))
			return nil
		}
		columns[h] = i
	}
	_, hasName := columns["name"]
	_, hasID := columns["id"]
	if !hasName && !hasID {
		p.atPosition(position{file: file, line: 1}, "the header has no name column")
		return nil
	}
	var list []StudentSpec
	for {
		record, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			p.atPosition(position{file: file, line: line}, "%v", csvError(err))
			return nil
		}
		get := func(column string) string {
			if i, ok := columns[column]; ok && i < len(record) {
				return strings.TrimSpace(record[i])
			}
			return ""
		}
		if strings.Join(record, "") == "" {
			continue
		}
		if get("name") == "" && get("id") == "" {
			p.atPosition(position{file: file, line: line}, "the row has no name")
			continue
		}
		if s, ok := p.newStudent(position{file: file, line: line}, get("name"), get("id"), get("email"), get("account")); ok {
			list = append(list, s)
		}
	}
	return list
}

func csvError(err error) error {
	var parse *csv.ParseError
	if errors.As(err, &parse) {
		return parse.Err
	}
	return err
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// unique reports a student ID or email given twice, at the second place,
// naming the first.
func (p *fileParser) unique(list []StudentSpec) []StudentSpec {
	ids := map[string]position{}
	emails := map[string]position{}
	accounts := map[string]position{}
	out := list[:0]
	for _, s := range list {
		if first, seen := ids[s.ID]; seen {
			p.atPosition(s.at, "student %q is listed twice (first at %s)", s.ID, first)
			continue
		}
		ids[s.ID] = s.at
		if s.Email != "" {
			key := strings.ToLower(s.Email)
			if first, seen := emails[key]; seen {
				p.atPosition(s.at, "email %q is given twice (first at %s)", s.Email, first)
				continue
			}
			emails[key] = s.at
		}
		if s.Account != "" {
			// A StackSet holds one instance per account and region.
			if first, seen := accounts[s.Account]; seen {
				p.atPosition(s.at, "account %s is given twice (first at %s); students of a lab each need their own account, or none (then they share the instructor's)", s.Account, first)
				continue
			}
			accounts[s.Account] = s.at
		}
		out = append(out, s)
	}
	return out
}
