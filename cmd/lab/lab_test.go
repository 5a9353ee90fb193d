package lab

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/lab"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	genlab "github.com/scaffold-iac/scaffold/generators/lab"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

// awkward has students whose values YAML would read as other types ("no",
// "42", "true"), an email with + and dots, and an account.
const awkward = `name: class
region: eu-west-1
students:
  - "no"
  - "42"
  - {name: Ada Lovelace, email: ada.l+lab@example.edu, account: "111122223333"}
  - "true"
  - null-island
cidr_pool: 172.16.0.0/12
blueprints:
  - vpc: {azs: 3, nat: per-az, isolated_subnets: true, prefix_length: 22}
  - fanout: {topic: orders, queues: [billing, audit], kms: true, fifo: true}
format: both
tags: {Course: Networking 101}
`

func gens() []generators.Generator {
	return []generators.Generator{terraform.New(), cloudformation.New()}
}

// TestFastPathMatchesFullRender is what the lab's speed rests on: every
// student's files, made by replacing placeholders in one render, are byte
// for byte the files a full render with that student's values gives.
func TestFastPathMatchesFullRender(t *testing.T) {
	for _, file := range []string{awkward, readInit(t)} {
		spec, err := lab.Parse("lab.yaml", []byte(file), nil)
		if err != nil {
			t.Fatal(err)
		}
		l, _, err := lab.Build(spec, nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := genlab.New(l, gens())
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range l.Students {
			if i > 5 && i < len(l.Students)-1 {
				continue // the count example: the first few and the last
			}
			fast, err := r.Student(i)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]byte{}
			for _, f := range fast {
				got[f.Path] = f.Content
			}
			graphs, err := lab.StudentGraphs(spec, l, s)
			if err != nil {
				t.Fatal(err)
			}
			compared := 0
			for j, g := range graphs {
				for _, gen := range gens() {
					files, err := gen.Generate(g)
					if err != nil {
						t.Fatal(err)
					}
					for _, f := range files {
						name := path.Join(l.Blueprints[j].Name, f.Path)
						if f.Path == "README.md" {
							continue
						}
						if !bytes.Equal(got[name], f.Content) {
							t.Errorf("student %q: %s differs from a full render:\n%s", s.ID, name, firstDifference(got[name], f.Content))
						}
						compared++
					}
				}
			}
			if compared == 0 || compared != len(fast)-1 {
				t.Errorf("student %q: compared %d files of %d", s.ID, compared, len(fast))
			}
		}
	}
}

func readInit(t *testing.T) string {
	var out bytes.Buffer
	io := &cmdutil.IOStreams{Out: &out}
	if err := RunInit(&InitOptions{IO: io}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  fast: " + x + "\n  full: " + y
		}
	}
	return "(same lines)"
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func factory(io *cmdutil.IOStreams) *cmdutil.Factory {
	return &cmdutil.Factory{IO: io, Generators: gens(), Validate: cmdutil.CheckGenerated}
}
