// Package generators defines what every renderer produces: files in memory,
// built from a graph, with no disk, clock, environment or network access.
// Writing them is the writer package's job.
package generators

import (
	"io/fs"
	"sort"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// File is one generated file, held in memory until the writer persists it.
type File struct {
	// Path is slash-separated and relative to the output directory
	// ("terraform/main.tf").
	Path string
	// Content is the complete file body.
	Content []byte
	// Mode is the permission bits; zero means 0o644.
	Mode fs.FileMode
}

// Generator renders a graph into files.
type Generator interface {
	// Name is the --format value that selects the generator.
	Name() string
	// Generate renders the graph. It must be deterministic: the same graph
	// gives the same bytes.
	Generate(g *graph.Graph) ([]File, error)
}

// BundleGenerator renders a bundle: several stacks deployed in order, with
// outputs of earlier stacks passed to later ones. It is a separate
// interface, not a third method of Generator, because a generator that
// only ever renders single graphs (the application files) need not know
// about bundles; the pipeline asks for it where a command builds one.
type BundleGenerator interface {
	// Name is the --format value that selects the generator.
	Name() string
	// GenerateBundle renders every stack of the bundle and whatever ties
	// them together. It must be deterministic, like Generate.
	GenerateBundle(b *graph.Bundle) ([]File, error)
}

// LabGenerator is a generator that can also render a lab's scale-out
// option: one template or module that every student shares, with the
// per-student values as parameters (a StackSet template, a Terraform root
// calling a module for_each student). Like BundleGenerator, it is a
// separate interface so that generators without such an option need not
// know about labs.
type LabGenerator interface {
	Name() string
	GenerateLab(l *graph.Lab) ([]File, error)
}

// SortFiles orders files by path, the order writers and tests rely on.
func SortFiles(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}
