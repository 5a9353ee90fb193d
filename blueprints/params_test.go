package blueprints

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

func TestParseTags(t *testing.T) {
	tests := []struct {
		name    string
		in      []string
		want    []graph.Tag
		wantErr string
	}{
		{name: "sorted", in: []string{"team=core", "env=lab"}, want: []graph.Tag{{Key: "env", Value: "lab"}, {Key: "team", Value: "core"}}},
		{name: "empty value", in: []string{"note="}, want: []graph.Tag{{Key: "note", Value: ""}}},
		{name: "value with equals", in: []string{"expr=a=b"}, want: []graph.Tag{{Key: "expr", Value: "a=b"}}},
		{name: "no value", in: []string{"novalue"}, wantErr: `invalid value "novalue" for --tag: want KEY=VALUE`},
		{name: "empty key", in: []string{"=x"}, wantErr: `invalid value "=x" for --tag: the key must be 1 to 128 characters`},
		{name: "reserved", in: []string{"aws:x=y"}, wantErr: `invalid value "aws:x=y" for --tag: keys starting with "aws:" are reserved by AWS`},
		{name: "Name is reserved", in: []string{"Name=x"}, wantErr: `invalid value "Name=x" for --tag: scaffold sets each resource's Name tag from --name; use another key`},
		{name: "duplicate", in: []string{"a=1", "a=2"}, wantErr: `invalid value "a=2" for --tag: key "a" is given twice`},
		{name: "bad char", in: []string{"a=b;c"}, wantErr: `invalid value "a=b;c" for --tag: use letters, digits, spaces and + - = . _ : / @ only`},
		{name: "long value", in: []string{"a=" + strings.Repeat("v", 257)}, wantErr: "the value must be at most 256 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTags(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.HasSuffix(err.Error(), tt.wantErr) {
					t.Fatalf("ParseTags error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestValidateName(t *testing.T) {
	for _, good := range []string{"lab", "ab", "devops-101", "a" + strings.Repeat("b", 27)} {
		if err := ValidateName(good); err != nil {
			t.Errorf("ValidateName(%q) = %v", good, err)
		}
	}
	for _, bad := range []string{"", "a", "Lab", "1lab", "lab-", "la_b", "a" + strings.Repeat("b", 28)} {
		if err := ValidateName(bad); err == nil {
			t.Errorf("ValidateName(%q) accepted", bad)
		}
	}
}

func TestMergeTags(t *testing.T) {
	got := MergeTags([]graph.Tag{{Key: "b", Value: "1"}, {Key: "a", Value: "1"}}, []graph.Tag{{Key: "b", Value: "2"}, {Key: "c", Value: "3"}})
	want := []graph.Tag{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}, {Key: "c", Value: "3"}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("MergeTags = %v, want %v", got, want)
		}
	}
}

// FuzzParseTags checks that any accepted input yields sorted, unique,
// in-limit tags and that errors always name the flag.
func FuzzParseTags(f *testing.F) {
	f.Add("env=lab", "team=core")
	f.Add("novalue", "")
	f.Add("aws:x=y", "=")
	f.Fuzz(func(t *testing.T, a, b string) {
		tags, err := ParseTags([]string{a, b})
		if err != nil {
			if !strings.Contains(err.Error(), "for --tag:") {
				t.Fatalf("error without flag: %v", err)
			}
			return
		}
		for i, tag := range tags {
			if tag.Key == "" || len(tag.Key) > 128 || len(tag.Value) > 256 {
				t.Fatalf("out-of-limit tag %q", tag)
			}
			if i > 0 && tags[i-1].Key >= tag.Key {
				t.Fatalf("tags not sorted and unique: %v", tags)
			}
		}
	})
}

func TestARN(t *testing.T) {
	regional := fmt.Sprint(ARN("logs", true, graph.String("log-group:x")))
	global := fmt.Sprint(AccountRoot())
	if !strings.Contains(regional, "region") || strings.Contains(global, "region") {
		t.Errorf("ARN parts: regional %s, global %s", regional, global)
	}
	if got := StandardTags("vpc", "lab", []graph.Tag{{Key: "Project", Value: "x"}}); len(got) != 3 || got[2].Value != "x" {
		t.Errorf("StandardTags = %v", got)
	}
}
