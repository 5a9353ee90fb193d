package lab

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

// run executes `scaffold lab ARGS` as main would, and returns stdout,
// stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	io, out, errOut := cmdutil.TestIOStreams()
	cmd := NewCmdLab(factory(io))
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

const small = `name: lab
students: [ada, bob]
cidr_pool: 10.0.0.0/16
blueprints:
  - vpc: {azs: 2, nat: single}
  - fanout: {queues: [orders]}
format: terraform
`

func TestGenerateWritesClass(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	out := filepath.Join(dir, "out")
	stdout, stderr, err := run(t, "generate", "-f", file, "--out", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{"wrote lab lab to", "2 students (11 files each)", "terraform/", "estimated cost: $36.60 a month per student, $73.20 for the class"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "warning: vpc nat: single") {
		t.Errorf("the blueprint's warning is missing:\n%s", stderr)
	}
	for _, f := range []string{"roster.csv", "README.md", "deploy-all.sh", "destroy-all.sh", "terraform/main.tf", "students/ada/vpc/terraform/main.tf", "students/bob/README.md"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "stackset")); err == nil {
		t.Error("a Terraform-only lab has stackset/")
	}
	info, err := os.Stat(filepath.Join(out, "deploy-all.sh"))
	if err != nil || info.Mode().Perm()&0o100 == 0 {
		t.Errorf("deploy-all.sh is not executable: %v", info)
	}
}

// TestRerunKeepsNetworks: inserting a student in the middle of the list
// and regenerating into the same folder keeps everyone's block (from the
// roster), gives the newcomer a free one, and leaves an edited file alone
// unless --force.
func TestRerunKeepsNetworks(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	out := filepath.Join(dir, "out")
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	before := readFile(t, filepath.Join(out, "roster.csv"))
	writeFile(t, dir, "lab.yaml", strings.Replace(small, "[ada, bob]", "[ada, cy, bob]", 1))
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	after := readFile(t, filepath.Join(out, "roster.csv"))
	for _, line := range []string{"ada,,,10.0.0.0/20,", "bob,,,10.0.16.0/20,", "cy,,,10.0.32.0/20,"} {
		if !strings.Contains(after, line) {
			t.Errorf("roster after the insert lacks %q:\n%s\n(before:\n%s)", line, after, before)
		}
	}
	if !strings.Contains(readFile(t, filepath.Join(out, "students/bob/vpc/terraform/variables.tf")), `"10.0.16.0/20"`) {
		t.Error("bob's folder does not have his old block")
	}

	// An edited student file stops the run before anything is written.
	edited := filepath.Join(out, "students/ada/vpc/terraform/main.tf")
	writeFile(t, filepath.Dir(edited), "main.tf", "# mine\n")
	writeFile(t, dir, "lab.yaml", strings.Replace(small, "[ada, bob]", "[ada, cy, bob, dee]", 1))
	_, _, err := run(t, "generate", "-f", file, "--out", out)
	if err == nil || !cmdutil.IsUsageError(err) || !strings.Contains(err.Error(), "edited") {
		t.Fatalf("want a conflict naming the edited file, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "students/dee")); err == nil {
		t.Error("a refused run wrote a new student")
	}
	if readFile(t, edited) != "# mine\n" {
		t.Error("the edited file was overwritten")
	}
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out, "--force"); err != nil {
		t.Fatalf("--force: %v\n%s", err, stderr)
	}
	if readFile(t, edited) == "# mine\n" {
		t.Error("--force did not regenerate the edited file")
	}
}

// TestRemovedStudentKeepsBlock: a student taken out of the lab file keeps
// their folder and their block (status removed in the roster, which
// destroy-all.sh reads) until the folder is deleted, so a newcomer never
// gets a network that may still be running.
func TestRemovedStudentKeepsBlock(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	out := filepath.Join(dir, "out")
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	writeFile(t, dir, "lab.yaml", strings.Replace(small, "[ada, bob]", "[bob, cy]", 1))
	_, stderr, err := run(t, "generate", "-f", file, "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "no longer in the lab file, but their folders remain: ada; they keep their network blocks") ||
		!strings.Contains(stderr, "destroy-all.sh --yes ada)") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "students/ada/vpc/terraform/main.tf")); err != nil {
		t.Error("a removed student's folder was deleted")
	}
	roster := readFile(t, filepath.Join(out, "roster.csv"))
	for _, line := range []string{"ada,,,10.0.0.0/20,students/ada,lab-ada,,,removed", "bob,,,10.0.16.0/20,", "cy,,,10.0.32.0/20,"} {
		if !strings.Contains(roster, line) {
			t.Errorf("roster lacks %q:\n%s", line, roster)
		}
	}

	// Once the folder is gone, so is the student, and the block is free.
	if err := os.RemoveAll(filepath.Join(out, "students/ada")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "lab.yaml", strings.Replace(small, "[ada, bob]", "[bob, cy, dee]", 1))
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	roster = readFile(t, filepath.Join(out, "roster.csv"))
	if strings.Contains(roster, "ada") || !strings.Contains(roster, "dee,,,10.0.0.0/20,") {
		t.Errorf("after deleting ada's folder:\n%s", roster)
	}
}

// TestDroppedBlueprintRefused: taking a blueprint out of the lab file while
// student folders hold it is refused (its resources may run, and the new
// scripts would not know it); --force removes its generated files but
// keeps Terraform state.
func TestDroppedBlueprintRefused(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	out := filepath.Join(dir, "out")
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	state := filepath.Join(out, "students/bob/fanout/terraform/terraform.tfstate")
	writeFile(t, filepath.Dir(state), "terraform.tfstate", "{}")
	writeFile(t, dir, "lab.yaml", strings.Replace(small, "  - fanout: {queues: [orders]}\n", "", 1))
	_, _, err := run(t, "generate", "-f", file, "--out", out)
	if err == nil || !cmdutil.IsUsageError(err) || !strings.Contains(err.Error(), "hold a blueprint the lab file no longer lists") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "students/bob/fanout/terraform/main.tf")); err != nil {
		t.Error("a refused run removed files")
	}
	if _, stderr, err := run(t, "generate", "-f", file, "--out", out, "--force"); err != nil {
		t.Fatalf("--force: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "students/bob/fanout/terraform/main.tf")); err == nil {
		t.Error("--force kept the dropped blueprint's files")
	}
	if readFile(t, state) != "{}" {
		t.Error("--force lost Terraform state")
	}
}

// TestFailedRunLeavesNoHalfStudent blocks one student's folder with a
// file: the run stops there, the students written before it are complete,
// no temporary folder is left, and the class files (which list the
// students) are not written. (A failure inside a folder being staged is
// the writer's TestFreshDirectoryFailureLeavesNothing.)
func TestFailedRunLeavesNoHalfStudent(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", strings.Replace(small, "[ada, bob]", "[ada, bob, cy, dee, eve]", 1))
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(out, "students"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "students"), "cy", "not a folder")
	_, _, err := run(t, "generate", "-f", file, "--out", out, "--jobs", "1", "--force")
	if err == nil {
		t.Fatal("the run succeeded although students/cy is a file")
	}
	entries, _ := os.ReadDir(filepath.Join(out, "students"))
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
			t.Errorf("temporary folder left: %s", e.Name())
		case e.IsDir():
			if _, err := os.Stat(filepath.Join(out, "students", e.Name(), ".scaffold-manifest.json")); err != nil {
				t.Errorf("students/%s is incomplete", e.Name())
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "roster.csv")); err == nil {
		t.Error("a failed run wrote the roster")
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	out := filepath.Join(dir, "out")
	stdout, _, err := run(t, "generate", "-f", file, "--out", out, "--dry-run")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"lab lab: 2 students in us-east-1, format terraform", "networks: /20 blocks of 10.0.0.0/16, 10.0.0.0/20 (ada) to 10.0.16.0/20 (bob)", "11 files per student (22 in all)", "students/ada/vpc/terraform/main.tf", "terraform/students.tf"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--dry-run created the output folder")
	}
}

func TestBudgetWarningSuggestsCheaper(t *testing.T) {
	dir := t.TempDir()
	lab := strings.Replace(small, "nat: single", "nat: per-az", 1) + "budget_usd_per_student_month: 40\n"
	file := writeFile(t, dir, "lab.yaml", lab)
	_, stderr, err := run(t, "generate", "-f", file, "--out", filepath.Join(dir, "out"), "--dry-run")
	if err != nil {
		t.Fatal(err)
	}
	// Two NAT gateways and their addresses (2 × 730 h × ($0.045 + $0.005)),
	// plus one DLQ alarm ($0.10).
	want := "warning: one student's environment is estimated at $73.10 a month, over the budget of $40.00 (budget_usd_per_student_month); cheaper: vpc nat: single: $36.60 a month, within budget (private subnets in every zone reach the internet through zone a's NAT gateway); vpc nat: none: $0.10 a month, within budget"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

// TestBadInput is the command's bad-input table: each is a usage error
// (exit 2) with a message that says what to fix, and nothing is written.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		file string // lab file content; "" means do not create it
		args []string
		want string
	}{
		{"no file flag", "", []string{"generate"}, "--file is required"},
		{"missing file", "", []string{"generate", "-f", "FILE"}, "--file: cannot read"},
		{"bad jobs", small, []string{"generate", "-f", "FILE", "--jobs", "0"}, "invalid value 0 for --jobs"},
		{"problems", "name: lab\nstudents: [ada, ada]\nblueprints: [vcp]\n", []string{"generate", "-f", "FILE"}, "has 2 problems:\nFILE:2:17: student \"ada\" is listed twice (first at FILE:2:12)\nFILE:3:14: blueprint \"vcp\""},
		{"pool", strings.Replace(small, "10.0.0.0/16", "10.0.0.0/23", 1), []string{"generate", "-f", "FILE"}, "FILE:3:12: cidr_pool 10.0.0.0/23 holds 0 blocks of /20, and the lab has 2 students: use a /19 or larger pool"},
		{"args", small, []string{"generate", "-f", "FILE", "extra"}, "extra"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".yaml")
			if tc.file != "" {
				writeFile(t, dir, filepath.Base(file), tc.file)
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "FILE", file)
			}
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tc.name, " ", "-"))
			_, _, err := run(t, append(args, "--out", out)...)
			if err == nil {
				t.Fatal("accepted")
			}
			if !cmdutil.IsUsageError(err) {
				t.Errorf("not a usage error (exit 1, not 2): %v", err)
			}
			if want := strings.ReplaceAll(tc.want, "FILE", file); !strings.Contains(err.Error(), want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a refused run wrote output")
			}
		})
	}
}

func TestProgressOnTerminalOnly(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "lab.yaml", small)
	for _, terminal := range []bool{false, true} {
		io, _, errOut := cmdutil.TestIOStreams()
		io.ErrTerminal = terminal
		clock := time.Unix(0, 0)
		opts := &GenerateOptions{IO: io, Factory: factory(io), File: file, Out: filepath.Join(dir, "out-"+map[bool]string{true: "tty", false: "pipe"}[terminal]), Jobs: 2,
			Now: func() time.Time { clock = clock.Add(500 * time.Millisecond); return clock }}
		if err := RunGenerate(opts); err != nil {
			t.Fatal(err)
		}
		drawn := strings.Contains(errOut.String(), "\rstudents 2/2 [==============================] ")
		if drawn != terminal {
			t.Errorf("terminal %v: progress drawn %v:\n%q", terminal, drawn, errOut.String())
		}
	}
}

func TestInitPrintsParsableExample(t *testing.T) {
	stdout, _, err := run(t, "init")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "# A scaffold lab") || !bytes.Contains([]byte(stdout), []byte("\nname: devops-101\n")) {
		t.Errorf("init printed:\n%s", stdout)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
