package lab

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse feeds the lab-file parser arbitrary text (seeded with the
// init example and every bad input of TestParseErrors, plus the corpus in
// testdata/fuzz). It must never panic, and it must either return a spec
// whose students are unique and valid, or errors that all carry the file
// name. An accepted file must build (or fail only on the pool's size).
func FuzzParse(f *testing.F) {
	f.Add(string(initExample(f)))
	f.Add("name: lab\nstudents: [ada, {name: Grace Hopper, email: g@example.edu}]\ncidr_pool: 10.0.0.0/16\nblueprints: [vpc, {fanout: {queues: [a, b]}}]\n")
	f.Add("name: lab\nstudents: class.csv\nblueprints:\n  - fanout:\n")
	f.Add("name: &n lab\nstudents: *n\nblueprints: !!seq [vpc]\n")
	read := readMap(map[string]string{"class.csv": "name,email\nada,a@example.edu\n\"b,c\",x@y.zz\n"})
	f.Fuzz(func(t *testing.T, text string) {
		spec, err := Parse("lab.yaml", []byte(text), read)
		if err != nil {
			list, ok := AsErrors(err)
			if !ok || len(list) == 0 {
				t.Fatalf("error without positions: %v", err)
			}
			for _, e := range list {
				if e.File != "lab.yaml" && e.File != "class.csv" || strings.TrimSpace(e.Msg) == "" {
					t.Fatalf("bad error %+v", e)
				}
			}
			return
		}
		seen := map[string]bool{}
		for _, s := range spec.Students {
			if !studentID.MatchString(s.ID) || seen[s.ID] {
				t.Fatalf("student %q accepted twice or invalid", s.ID)
			}
			seen[s.ID] = true
		}
		if spec.Name == "" || len(spec.Students) == 0 || len(spec.Blueprints) == 0 {
			t.Fatalf("accepted an incomplete lab: %+v", spec)
		}
		// An accepted file builds, or its class does not fit the pool.
		if _, _, err := Build(spec, nil); err != nil {
			var pool *PoolError
			if !errors.As(err, &pool) {
				t.Fatalf("accepted a lab that does not build: %v", err)
			}
		}
	})
}
