package terraform

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// moduleGraph is vpcGraph as a lab renders it: its block is a parameter,
// its subnets are cut from that block at deploy time, and one tag reads
// the student's name.
func moduleGraph() *graph.Graph {
	g := vpcGraph()
	g.Parameters = append(g.Parameters,
		graph.Parameter{Name: "student", Type: graph.ParamString, Description: "Student the copy belongs to.", Default: graph.String("ada")},
		graph.Parameter{Name: "vpc_cidr", Type: graph.ParamString, Description: "IPv4 block of the VPC.", Default: graph.String("10.0.0.0/16")},
	)
	g.Tags = append(g.Tags, graph.Tag{Key: "Student", Param: "student"})
	for i := range g.Components {
		c := &g.Components[i]
		for j := range c.Properties {
			p := &c.Properties[j]
			if p.Name != "cidr_block" {
				continue
			}
			switch c.ID {
			case "vpc":
				p.Value = graph.Param("vpc_cidr")
			case "public_subnet_a", "public_subnet_b":
				p.Value = graph.CIDRSubnet{Block: graph.Param("vpc_cidr"), BlockBits: 16, NewBits: 4, NetNum: int(c.ID[len(c.ID)-1] - 'a')}
			}
		}
	}
	return g
}

func TestGenerateModuleGolden(t *testing.T) {
	files, err := New().GenerateModule(moduleGraph())
	if err != nil {
		t.Fatalf("GenerateModule: %v", err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	if want := "main.tf outputs.tf variables.tf versions.tf"; strings.Join(paths, " ") != want {
		t.Errorf("paths = %q, want %q (sorted, no directory)", paths, want)
	}
	assertTree(t, filepath.Join("testdata", "module"), files)
}

// TestGenerateModuleDeterministic renders fresh graphs several times and
// expects identical bytes, as TestDeterministic does for root modules.
func TestGenerateModuleDeterministic(t *testing.T) {
	first, err := New().GenerateModule(moduleGraph())
	if err != nil {
		t.Fatalf("GenerateModule: %v", err)
	}
	for i := 0; i < 5; i++ {
		again, err := New().GenerateModule(moduleGraph())
		if err != nil {
			t.Fatalf("GenerateModule: %v", err)
		}
		for j := range first {
			if first[j].Path != again[j].Path || string(first[j].Content) != string(again[j].Content) {
				t.Fatalf("render %d differs in %s", i+1, first[j].Path)
			}
		}
	}
}

// TestGenerateModuleTags pins the tags argument of each case module mode
// distinguishes: with and without a Name, with and without graph tags,
// and a graph tag called Name, which yields to the component's Name.
func TestGenerateModuleTags(t *testing.T) {
	tests := []struct {
		name string
		tags []graph.Tag
		// named says whether the VPC has a Name.
		named bool
		want  string
	}{
		{"no tags, no name", nil, false, "tags = var.tags\n"},
		{"name only", nil, true, "tags = merge(var.tags, {\n    Name = \"${var.student}-vpc\"\n  })\n"},
		{"tags in graph order, name last", []graph.Tag{{Key: "Student", Param: "student"}, {Key: "cost-center", Value: "x"}}, true,
			"tags = merge(var.tags, {\n    Student       = var.student\n    \"cost-center\" = \"x\"\n    Name          = \"${var.student}-vpc\"\n  })\n"},
		{"graph Name yields", []graph.Tag{{Key: "Name", Value: "other"}}, true, "tags = merge(var.tags, {\n    Name = \"${var.student}-vpc\"\n  })\n"},
		{"graph Name without a component Name", []graph.Tag{{Key: "Name", Value: "other"}}, false, "tags = merge(var.tags, {\n    Name = \"other\"\n  })\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &graph.Graph{
				Name:       "lab",
				Parameters: []graph.Parameter{{Name: "student", Type: graph.ParamString}},
				Tags:       tt.tags,
				Components: []graph.Component{
					{ID: "vpc", Kind: graph.KindVPC, Properties: []graph.Property{{Name: "cidr_block", Value: graph.String("10.0.0.0/16")}}},
					// A route takes no tags, so it gets none in module mode
					// either.
					{ID: "route", Kind: graph.KindRoute, Properties: []graph.Property{{Name: "route_table_id", Value: graph.String("rtb-1")}}},
				},
			}
			if tt.named {
				g.Components[0].Name = graph.Join{graph.Param("student"), graph.String("-vpc")}
			}
			files, err := New().GenerateModule(g)
			if err != nil {
				t.Fatalf("GenerateModule: %v", err)
			}
			main := string(fileContent(t, files, "main.tf"))
			if !strings.Contains(main, "  "+tt.want) {
				t.Errorf("main.tf lacks\n%s\ngot\n%s", tt.want, main)
			}
			if strings.Count(main, "tags =") != 1 {
				t.Errorf("main.tf has tags outside the VPC:\n%s", main)
			}
		})
	}
}

func TestParamTagErrors(t *testing.T) {
	withParamTag := func() *graph.Graph {
		g := vpcGraph()
		g.Tags = append(g.Tags, graph.Tag{Key: "Student", Param: "name"})
		return g
	}
	t.Run("root module refuses it", func(t *testing.T) {
		_, err := New().Generate(withParamTag())
		want := `render terraform for graph "lab": tag "Student" reads parameter "name", but a root module's tags go through the provider's default_tags`
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "GenerateModule") {
			t.Fatalf("Generate error = %v, want it to contain %q and name GenerateModule", err, want)
		}
	})
	t.Run("bundle refuses it", func(t *testing.T) {
		b := &graph.Bundle{Name: "lab", Stacks: []graph.Stack{{Name: "primary", Graph: withParamTag()}}}
		_, err := New().GenerateBundle(b)
		if err == nil || !strings.Contains(err.Error(), `tag "Student" reads parameter "name"`) {
			t.Fatalf("GenerateBundle error = %v, want the tag named", err)
		}
	})
	t.Run("module needs the parameter", func(t *testing.T) {
		g := withParamTag()
		g.Tags[len(g.Tags)-1].Param = "student"
		_, err := New().GenerateModule(g)
		if err == nil || !strings.Contains(err.Error(), `tag "Student": reference to unknown parameter "student"`) {
			t.Fatalf("GenerateModule error = %v, want the unknown parameter named", err)
		}
	})
	t.Run("module refuses a parameter named tags", func(t *testing.T) {
		g := moduleGraph()
		g.Parameters = append(g.Parameters, graph.Parameter{Name: "tags", Type: graph.ParamString})
		if _, err := New().GenerateModule(g); err == nil || !strings.Contains(err.Error(), `parameter "tags": the name is reserved`) {
			t.Fatalf("GenerateModule error = %v, want the reserved name refused", err)
		}
	})
}

// fileContent returns the content of the file at path, failing the test
// when there is none.
func fileContent(t *testing.T, files []generators.File, path string) []byte {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return f.Content
		}
	}
	t.Fatalf("no file %q", path)
	return nil
}
