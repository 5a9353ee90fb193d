package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDirGoodSamples checks the hand-written multi-AZ VPC in both formats
// (testdata/good; terraform validate and cfn-lint accept both) and expects
// no findings at all: any finding there is a false positive.
func TestDirGoodSamples(t *testing.T) {
	findings, err := Dir("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	assertFindings(t, findings, nil)
}

// TestSchemaProviderSample runs the Terraform checks over the configuration
// that ../shared/tools/tf-schema-provider uses as known-good for the real
// 6.25 schema (copied verbatim into testdata). It is valid Terraform, so the
// only findings allowed are scaffold's own convention that every variable
// has a description, which that file does not follow.
func TestSchemaProviderSample(t *testing.T) {
	src, err := os.ReadFile("testdata/tf-schema-provider/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	assertFindings(t, Terraform(map[string][]byte{"main.tf": src}), []string{
		"main.tf:23: var.region: variable has no description",
		"main.tf:28: var.name: variable has no description",
		"main.tf:33: var.vpc_cidr: variable has no description",
		"main.tf:38: var.az_count: variable has no description",
		"main.tf:43: var.queue_names: variable has no description",
	})
}

// TestDir checks what Dir walks and how it names files.
func TestDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("terraform/versions.tf", versionsTF)
	write("terraform/main.tf", "module \"net\" {\n  source = \"./modules/net\"\n}\n")
	write("terraform/modules/net/main.tf", "resource \"aws_vpc\" \"main\" {\n  cidr = \"10.0.0.0/16\"\n}\n")
	write("terraform/README.md", "not Terraform")
	write("terraform/.terraform/modules/x/main.tf", "this is not even HCL {")
	write("cloudformation/b.yml", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPCC\n")
	write("cloudformation/a.yaml", "Resources: {}\n")
	write("cloudformation/nested/c.yaml", "not checked: [")
	// A --ci pipeline: a root module and a template of its own.
	write("pipeline/terraform/versions.tf", versionsTF)
	write("pipeline/terraform/main.tf", "resource \"aws_s3_bucket\" \"artifacts\" {\n  force_destroyed = true\n}\n")
	write("pipeline/cloudformation/pipeline.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Buckets\n")
	write("pipeline/buildspec-terraform-plan.yml", "not a template: [")

	findings, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range findings {
		rel, err := filepath.Rel(dir, f.File)
		if err != nil {
			t.Fatal(err)
		}
		f.File = filepath.ToSlash(rel)
		got = append(got, f.String())
	}
	want := []string{
		`cloudformation/a.yaml:1: Resources must be a non-empty mapping of logical IDs to resources`,
		`cloudformation/b.yml:3: Vpc (AWS::EC2::VPCC): unknown resource type "AWS::EC2::VPCC" (did you mean "AWS::EC2::VPC"?)`,
		`pipeline/cloudformation/pipeline.yaml:3: Bucket (AWS::S3::Buckets): unknown resource type "AWS::S3::Buckets" (did you mean "AWS::S3::Bucket"?)`,
		`pipeline/terraform/main.tf:2: aws_s3_bucket.artifacts: unknown argument "force_destroyed" (did you mean "force_destroy"?)`,
		`terraform/modules/net/main.tf:2: aws_vpc.main: unknown argument "cidr"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestDirErrors(t *testing.T) {
	tests := []struct {
		name string
		dir  func(t *testing.T) string
		want string
	}{
		{
			name: "missing directory",
			dir:  func(t *testing.T) string { return filepath.Join(t.TempDir(), "missing") },
			want: "reading the output directory",
		},
		{
			name: "no output in it",
			dir:  func(t *testing.T) string { return t.TempDir() },
			want: "found neither a terraform/ nor a cloudformation/ directory",
		},
		{
			name: "terraform is a file",
			dir: func(t *testing.T) string {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, "terraform"), nil, 0o644); err != nil {
					t.Fatal(err)
				}
				return dir
			},
			want: "is not a directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Dir(tt.dir(t))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Dir error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFindingString(t *testing.T) {
	tests := []struct {
		finding Finding
		want    string
	}{
		{Finding{File: "main.tf", Line: 3, Column: 5, Message: "m"}, "main.tf:3: m"},
		{Finding{File: "main.tf", Message: "m"}, "main.tf: m"},
	}
	for _, tt := range tests {
		if got := tt.finding.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// TestDeterministic checks that findings do not depend on map order.
func TestDeterministic(t *testing.T) {
	files := map[string][]byte{
		"a.tf": []byte("resource \"aws_vpc\" \"a\" {\n  x = 1\n  y = 2\n  z = 3\n}\n"),
		"b.tf": []byte("resource \"aws_vpc\" \"b\" {\n  tags = { a = var.p, b = var.q, c = local.r }\n}\n"),
	}
	first := findingStrings(Terraform(files))
	for range 10 {
		if again := findingStrings(Terraform(files)); !slices.Equal(again, first) {
			t.Fatalf("second run differs:\n%s\nvs\n%s", strings.Join(again, "\n"), strings.Join(first, "\n"))
		}
	}
}

// BenchmarkDir validates the good samples (both formats) once per
// iteration. The schemas are loaded before the timer starts, as they are
// once per process.
func BenchmarkDir(b *testing.B) {
	if _, err := Dir("testdata/good"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Dir("testdata/good"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDirChecksWholeLab: a lab's StackSet templates and every student's
// folders are checked, not just the class root.
func TestDirChecksWholeLab(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lab")
	if err := os.CopyFS(dir, os.DirFS("../examples/lab-3-students/devops-101")); err != nil {
		t.Fatal(err)
	}
	if findings, err := Dir(dir); err != nil || len(findings) != 0 {
		t.Fatalf("the committed lab: %v %v", findings, err)
	}
	for name, edit := range map[string][2]string{
		"stackset/fanout.yaml":                           {"Type: AWS::SNS::Topic\n", "Type: AWS::SNS::Topik\n"},
		"students/linus/vpc/cloudformation/vpc.yaml":     {"CidrBlock: !Select", "CidrBlok: !Select"},
		"students/grace-hopper/fanout/terraform/main.tf": {"resource \"aws_sns_topic\"", "resource \"aws_sns_topik\""},
	} {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Replace(string(data), edit[0], edit[1], 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	findings, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range findings {
		rel, _ := filepath.Rel(dir, f.File)
		seen[filepath.ToSlash(rel)] = true
	}
	for _, want := range []string{"stackset/fanout.yaml", "students/linus/vpc/cloudformation/vpc.yaml", "students/grace-hopper/fanout/terraform/main.tf"} {
		if !seen[want] {
			t.Errorf("no finding in %s: %v", want, findings)
		}
	}
}
