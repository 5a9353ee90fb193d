package lab

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
	"github.com/scaffold-iac/scaffold/templates"
)

func readMap(files map[string]string) ReadFunc {
	return func(name string) ([]byte, error) {
		if content, ok := files[name]; ok {
			return []byte(content), nil
		}
		return nil, fs.ErrNotExist
	}
}

func initExample(t testing.TB) []byte {
	t.Helper()
	data, err := templates.FS.ReadFile("lab-init.yaml.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseInitExample(t *testing.T) {
	spec, err := Parse("lab.yaml", initExample(t), nil)
	if err != nil {
		t.Fatalf("the lab init example does not parse:\n%v", err)
	}
	if spec.Name != "devops-101" || len(spec.Students) != 30 || spec.Students[29].ID != "student-030" {
		t.Errorf("name %q, %d students, last %q", spec.Name, len(spec.Students), spec.Students[len(spec.Students)-1].ID)
	}
	if len(spec.Blueprints) != 2 || spec.Blueprints[0].VPC == nil || spec.Blueprints[0].VPC.NAT != "single" || spec.Blueprints[0].BlockBits != 20 {
		t.Errorf("blueprints: %+v", spec.Blueprints)
	}
	if f := spec.Blueprints[1].Fanout; f == nil || strings.Join(f.Queues, ",") != "orders,audit" {
		t.Errorf("fanout: %+v", spec.Blueprints[1])
	}
	if spec.Pool.String() != "10.0.0.0/8" || spec.Format != "terraform" || spec.BudgetUSD != 40 {
		t.Errorf("pool %s format %s budget %v", spec.Pool, spec.Format, spec.BudgetUSD)
	}
	want := []string{"azs=2", "nat=single", "prefix_length=20"}
	if got := spec.Blueprints[0].Settings; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("settings %q, want %q", got, want)
	}
}

func TestParseStudentForms(t *testing.T) {
	csv := "name,email,account\nAda Lovelace,ada@example.edu,111122223333\n\nGrace Hopper,grace@example.edu,\n"
	for _, tc := range []struct {
		name     string
		students string
		want     string
	}{
		{"count", "3", "student-001 student-002 student-003"},
		{"names", "[ada, Grace Hopper, bob_2]", "ada grace-hopper bob-2"},
		{"maps", "[{name: Ada, email: ada@example.edu}, {id: g, name: Grace}]", "ada g"},
		{"csv", "class.csv", "ada-lovelace grace-hopper"},
		{"digits", "[42]", "42"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := "name: lab\nstudents: " + tc.students + "\nblueprints: [fanout]\n"
			spec, err := Parse("lab.yaml", []byte(file), readMap(map[string]string{"class.csv": csv}))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, s := range spec.Students {
				ids = append(ids, s.ID)
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("IDs %q, want %q", got, tc.want)
			}
		})
	}
}

// TestParseErrors is the bad-input table: every error names the line and
// column (or the CSV line) and says what to do.
func TestParseErrors(t *testing.T) {
	csv := map[string]string{
		"dup.csv":    "name,email\nada,a@example.edu\nbob,a@example.edu\n",
		"nohead.csv": "email\na@example.edu\n",
		"ragged.csv": "name,email\nada,a@example.edu,extra\n",
	}
	base := "name: lab\nstudents: 2\nblueprints: [fanout]\n"
	for _, tc := range []struct {
		name, file string
		want       []string // substrings, one error each, in order
	}{
		{"empty", "", []string{"lab.yaml: the file is empty; `scaffold lab init`"}},
		{"not yaml", "name: [lab\n", []string{"lab.yaml:1:7: not valid YAML"}},
		{"not a mapping", "- lab\n", []string{"lab.yaml:1:1: the lab file must be a mapping"}},
		{"two documents", base + "---\nname: x\n", []string{"lab.yaml:5:1: a lab file holds one YAML document"}},
		{"unknown key", base + "studnets: 3\n", []string{`lab.yaml:4:1: unknown key "studnets" in the lab file (did you mean "students"?)`}},
		{"unknown key far", base + "colour: red\n", []string{`lab.yaml:4:1: unknown key "colour" in the lab file; known keys: name, region`}},
		{"duplicate key", base + "name: again\n", []string{`lab.yaml:4:1: not valid YAML: mapping key "name" already defined at [1:1]`}},
		{"missing keys", "region: us-east-1\n", []string{`missing key "name"`, `missing key "students"`, `missing key "blueprints"`}},
		{"bad name", "name: Lab_1\nstudents: 2\nblueprints: [fanout]\n", []string{`lab.yaml:1:7: name "Lab_1": want 2 to 16 lowercase`}},
		{"long name", "name: an-extremely-long-lab\nstudents: 2\nblueprints: [fanout]\n", []string{`lab.yaml:1:7: name "an-extremely-long-lab"`}},
		{"region", "name: lab\nregion: us-east-9\nstudents: 2\nblueprints: [fanout]\n", []string{`lab.yaml:2:9: region "us-east-9" is not a region scaffold knows (did you mean us-east-1?)`}},
		{"format", base + "format: pulumi\n", []string{`lab.yaml:4:9: format "pulumi": want one of both, cloudformation, terraform`}},
		{"budget", base + "budget_usd_per_student_month: -5\n", []string{"lab.yaml:4:31: budget_usd_per_student_month: want a number"}},
		{"budget text", base + "budget_usd_per_student_month: lots\n", []string{"lab.yaml:4:31: budget_usd_per_student_month must be a number"}},
		{"zero students", "name: lab\nstudents: 0\nblueprints: [fanout]\n", []string{"lab.yaml:2:11: students: want 1 to 5000 students"}},
		{"too many students", "name: lab\nstudents: 5001\nblueprints: [fanout]\n", []string{"lab.yaml:2:11: students: want 1 to 5000"}},
		{"duplicate student", "name: lab\nstudents:\n  - ada\n  - bob\n  - Ada\nblueprints: [fanout]\n", []string{`lab.yaml:5:5: student "ada" is listed twice (first at lab.yaml:3:5)`}},
		{"duplicate email", "name: lab\nstudents: dup.csv\nblueprints: [fanout]\n", []string{`dup.csv:3: email "a@example.edu" is given twice (first at dup.csv:2)`}},
		{"duplicate account", "name: lab\nstudents: [{name: a, account: \"111122223333\"}, {name: b, account: \"111122223333\"}]\nblueprints: [fanout]\n", []string{`lab.yaml:2:48: account 111122223333 is given twice (first at lab.yaml:2:12)`}},
		{"csv no name", "name: lab\nstudents: nohead.csv\nblueprints: [fanout]\n", []string{`nohead.csv:1: the header has no name column`}},
		{"csv ragged", "name: lab\nstudents: ragged.csv\nblueprints: [fanout]\n", []string{`ragged.csv:2: wrong number of fields`}},
		{"csv missing", "name: lab\nstudents: gone.csv\nblueprints: [fanout]\n", []string{`lab.yaml:2:11: students: cannot read gone.csv`}},
		{"bad student", "name: lab\nstudents: [Zoë]\nblueprints: [fanout]\n", []string{`lab.yaml:2:12: student "Zoë": cannot make a folder name of it`}},
		{"bad email", "name: lab\nstudents: [{name: ada, email: nope}]\nblueprints: [fanout]\n", []string{`lab.yaml:2:12: student "ada": "nope" is not an email address`}},
		{"bad account", "name: lab\nstudents: [{name: ada, account: 12}]\nblueprints: [fanout]\n", []string{`student "ada": account "12" is not a 12-digit AWS account ID`}},
		{"student key", "name: lab\nstudents: [{name: ada, mail: a@b.co}]\nblueprints: [fanout]\n", []string{`lab.yaml:2:24: unknown key "mail" in a student (did you mean "email"?)`}},
		{"deploy name too long", "name: devops-101\nstudents: [bartholomew-longname]\nblueprints: [fanout]\n", []string{`lab.yaml:2:12: student "bartholomew-longname": the deploy name "devops-101-bartholomew-longname" is 31 characters`}},
		{"unknown blueprint", "name: lab\nstudents: 2\nblueprints: [vcp]\n", []string{`lab.yaml:3:14: blueprint "vcp" cannot be part of a lab; a lab takes fanout, vpc (did you mean "vpc"?)`}},
		{"blueprint twice", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints: [vpc, vpc]\n", []string{`lab.yaml:4:19: blueprint "vpc" is listed twice (first at lab.yaml:4:14)`}},
		{"blueprint key", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc: {azs: 2, nats: single}\n", []string{`lab.yaml:5:19: unknown key "nats" in vpc (did you mean "nat"?)`}},
		{"vpc param", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc:\n      nat: double\n", []string{`lab.yaml:6:7: vpc: nat "double": must be one of none, per-az, single`}},
		{"vpc azs", "name: lab\nregion: us-west-1\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc: {azs: 5}\n", []string{`lab.yaml:6:11: vpc: azs "5": us-west-1 has`}},
		{"vpc type", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc: {azs: two}\n", []string{`lab.yaml:5:16: azs must be a whole number`}},
		{"prefix", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.0/8\nblueprints:\n  - vpc: {prefix_length: 28}\n", []string{`lab.yaml:5:26: vpc: prefix_length 28: every student's VPC block must be /16 to /24`}},
		{"fanout queues", "name: lab\nstudents: 2\nblueprints:\n  - fanout: {queues: [a, a]}\n", []string{`lab.yaml:4:14: fanout: queues "a": is listed twice`}},
		{"fanout duration", "name: lab\nstudents: 2\nblueprints:\n  - fanout: {retention: forever}\n", []string{`lab.yaml:4:25: fanout: retention "forever"`}},
		{"missing pool", "name: lab\nstudents: 2\nblueprints: [vpc]\n", []string{`lab.yaml: missing key "cidr_pool"`}},
		{"pool unused", base + "cidr_pool: 10.0.0.0/8\n", []string{`lab.yaml:4:12: cidr_pool is set, but no blueprint of this lab builds a network`}},
		{"pool host bits", "name: lab\nstudents: 2\ncidr_pool: 10.0.0.1/8\nblueprints: [vpc]\n", []string{`lab.yaml:3:12: cidr_pool 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?`}},
		{"pool not cidr", "name: lab\nstudents: 2\ncidr_pool: ten\nblueprints: [vpc]\n", []string{`lab.yaml:3:12: cidr_pool "ten" is not an IPv4 block`}},
		{"pool reserved", "name: lab\nstudents: 2\ncidr_pool: 198.18.0.0/16\nblueprints: [vpc]\n", []string{`overlaps 198.18.0.0/15`}},
		{"reserved tag", base + "tags: {Student: x}\n", []string{`lab.yaml:4:8: tag "Student" is set by the lab for every student; remove it`}},
		{"entry shape", "name: lab\nstudents: 2\nblueprints:\n  - {vpc: {}, fanout: {}}\n", []string{`lab.yaml:4:5: each blueprints entry names one blueprint`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("lab.yaml", []byte(tc.file), readMap(csv))
			if err == nil {
				t.Fatal("accepted")
			}
			list, ok := AsErrors(err)
			if !ok {
				t.Fatalf("not lab-file errors: %v", err)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("%d errors, want %d:\n%v", len(list), len(tc.want), err)
			}
			for i, want := range tc.want {
				if !strings.Contains(list[i].Error(), want) {
					t.Errorf("error %d:\n  %s\nwant it to contain\n  %s", i, list[i], want)
				}
			}
		})
	}
}

func TestPoolErrorSaysWhatFits(t *testing.T) {
	file := "name: lab\nstudents: 30\ncidr_pool: 10.0.0.0/16\nblueprints: [vpc]\n"
	spec, err := Parse("lab.yaml", []byte(file), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = Build(spec, nil)
	var pe *PoolError
	if !errors.As(err, &pe) {
		t.Fatalf("want a PoolError, got %v", err)
	}
	want := "lab.yaml:3:12: cidr_pool 10.0.0.0/16 holds 16 blocks of /20, and the lab has 30 students: use a /15 or larger pool, or smaller student networks (vpc prefix_length: 21 gives 32 blocks)"
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// TestParameterNamesAgree: the blueprints name the deploy name and network
// block parameters themselves; a lab's per-student parameters must be
// those very names, or the StackSet overrides and the Terraform root
// would set parameters that do not exist.
func TestParameterNamesAgree(t *testing.T) {
	if blueprints.NameParam != graph.LabParamName || vpc.CIDRParam != graph.LabParamCIDR {
		t.Errorf("blueprints name %q and %q; the lab model says %q and %q", blueprints.NameParam, vpc.CIDRParam, graph.LabParamName, graph.LabParamCIDR)
	}
}
