// Package writer persists generated files safely. It plans first (what
// would be created, replaced or left alone, and whether the directory holds
// anything scaffold did not write), then writes every file to a temporary
// name and renames them into place only when all writes succeeded, so a
// failure never leaves a half-written tree behind.
//
// Ownership is tracked by a manifest in the output directory that records
// the SHA-256 of every generated file. A file that is not in the manifest, or
// whose content no longer matches it, belongs to the user and is never
// overwritten without Force.
package writer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/scaffold-iac/scaffold/generators"
)

// ManifestName is the file, inside the output directory, that lists what
// scaffold generated there.
const ManifestName = ".scaffold-manifest.json"

// Action is what a plan will do with one file.
type Action string

// Actions.
const (
	Create    Action = "create"
	Replace   Action = "replace"
	Unchanged Action = "unchanged"
	Remove    Action = "remove"
)

// Change is one planned file operation.
type Change struct {
	Path   string
	Action Action
	Bytes  int
}

// Plan is the outcome of comparing generated files with a directory.
type Plan struct {
	Dir     string
	Changes []Change
	files   []generators.File
}

// ConflictError reports files in the output directory that scaffold would
// overwrite but does not own (foreign or edited since generation).
type ConflictError struct {
	Dir     string
	Foreign []string
	Edited  []string
}

// Error names up to three files of each sort and the two ways out.
func (e *ConflictError) Error() string {
	var parts []string
	if len(e.Foreign) > 0 {
		parts = append(parts, "files scaffold did not generate ("+list(e.Foreign)+")")
	}
	if len(e.Edited) > 0 {
		parts = append(parts, "generated files edited since ("+list(e.Edited)+")")
	}
	return fmt.Sprintf("output directory %q holds %s; choose another --out or pass --force to overwrite", e.Dir, strings.Join(parts, " and "))
}

func list(paths []string) string {
	const most = 3
	if len(paths) <= most {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:most], ", "), len(paths)-most)
}

type manifest struct {
	Generator string            `json:"generator"`
	Files     map[string]string `json:"files"`
}

// ignored reports paths that belong to tools run inside the output
// directory (Terraform's working files, state, saved plans and state locks)
// rather than to scaffold or the user's sources; they neither block nor get
// touched.
func ignored(rel string) bool {
	base := path.Base(rel)
	return strings.HasPrefix(rel, ".terraform/") || strings.Contains(rel, "/.terraform/") ||
		base == ".terraform.lock.hcl" || strings.HasSuffix(base, ".tfstate") || strings.HasSuffix(base, ".tfstate.backup") ||
		base == ".terraform" || strings.HasSuffix(base, ".tfplan") || base == ".terraform.tfstate.lock.info"
}

func digest(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// NewPlan compares files with dir. Unless force is set, it fails with a
// *ConflictError when dir holds files scaffold did not generate or that were
// edited since; it fails when dir exists but is not a directory.
//
// skip names subdirectories ("students", "logs") that belong to someone
// else (another plan with its own manifest, or a script's working files):
// they are neither read, nor reported, nor touched.
func NewPlan(dir string, files []generators.File, force bool, skip ...string) (*Plan, error) {
	files = append([]generators.File(nil), files...)
	generators.SortFiles(files)
	for i, f := range files {
		if f.Path == "" || path.IsAbs(f.Path) || strings.HasPrefix(path.Clean(f.Path), "..") || f.Path == ManifestName {
			return nil, fmt.Errorf("generated file %d has an unsafe path %q", i, f.Path)
		}
		if i > 0 && (files[i-1].Path == f.Path || strings.HasPrefix(f.Path, files[i-1].Path+"/")) {
			return nil, fmt.Errorf("generated files %q and %q collide", files[i-1].Path, f.Path)
		}
	}
	plan := &Plan{Dir: dir, files: files}

	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		for _, f := range files {
			plan.Changes = append(plan.Changes, Change{Path: f.Path, Action: Create, Bytes: len(f.Content)})
		}
		return plan, nil
	case err != nil:
		return nil, fmt.Errorf("checking output directory: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("output path %q is a file, not a directory; choose another --out", dir)
	}

	owned, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	existing, err := listFiles(dir, skip)
	if err != nil {
		return nil, err
	}
	generated := make(map[string]generators.File, len(files))
	for _, f := range files {
		generated[f.Path] = f
	}
	conflict := &ConflictError{Dir: dir}
	for rel, content := range existing {
		want, ours := owned[rel]
		switch {
		case !ours:
			conflict.Foreign = append(conflict.Foreign, rel)
		case want != digest(content):
			conflict.Edited = append(conflict.Edited, rel)
		}
	}
	sort.Strings(conflict.Foreign)
	sort.Strings(conflict.Edited)
	if !force && (len(conflict.Foreign) > 0 || len(conflict.Edited) > 0) {
		return nil, conflict
	}
	for _, f := range files {
		action := Create
		if old, ok := existing[f.Path]; ok {
			action = Replace
			if string(old) == string(f.Content) {
				action = Unchanged
			}
		}
		plan.Changes = append(plan.Changes, Change{Path: f.Path, Action: action, Bytes: len(f.Content)})
	}
	// Files scaffold generated last time but not now (say, after switching
	// --format) are removed, unless the user edited them.
	var stale []string
	for rel := range owned {
		content, present := existing[rel]
		if _, still := generated[rel]; !still && present && digest(content) == owned[rel] {
			stale = append(stale, rel)
		}
	}
	sort.Strings(stale)
	for _, rel := range stale {
		plan.Changes = append(plan.Changes, Change{Path: rel, Action: Remove})
	}
	return plan, nil
}

func readManifest(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", ManifestName, err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("reading %s in %q: %w (delete it, or pass --force)", ManifestName, dir, err)
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m.Files, nil
}

// listFiles returns every regular file under dir (relative, slash
// separated) except the manifest and ignored tool files.
func listFiles(dir string, skip []string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && ignored(rel+"/") || d.Name() == ".terraform" || slices.Contains(skip, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == ManifestName || ignored(rel) {
			return nil
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = content
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading output directory: %w", err)
	}
	return files, nil
}

// Apply writes the plan: every new or changed file goes to a temporary file
// beside its target first; only when all of them are written are they
// renamed into place, stale files removed and the manifest updated.
//
// A directory that does not exist yet is built whole under a temporary
// name beside it and renamed into place once: it appears complete or not
// at all, and it costs one rename instead of one per file, which is what
// a lab of a thousand student folders needs.
func (p *Plan) Apply() error {
	if _, err := os.Lstat(p.Dir); errors.Is(err, fs.ErrNotExist) {
		return p.applyFresh()
	}
	type pending struct{ tmp, final string }
	var staged []pending
	var created []string
	cleanup := func() {
		for _, s := range staged {
			os.Remove(s.tmp)
		}
		// Directories this run created held nothing before, so removing
		// them (deepest first) leaves the disk as it was.
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	actions := make(map[string]Action, len(p.Changes))
	for _, c := range p.Changes {
		actions[c.Path] = c.Action
	}
	for _, f := range p.files {
		if actions[f.Path] == Unchanged {
			continue
		}
		final := filepath.Join(p.Dir, filepath.FromSlash(f.Path))
		dirs, err := makeDirs(filepath.Dir(final))
		created = append(created, dirs...)
		if err != nil {
			cleanup()
			return fmt.Errorf("creating the directory of %s: %w", f.Path, err)
		}
		tmp, err := stage(final, f.Content, f.Mode)
		if err != nil {
			cleanup()
			return fmt.Errorf("writing %s: %w", f.Path, err)
		}
		staged = append(staged, pending{tmp: tmp, final: final})
	}
	m := manifest{Generator: "scaffold", Files: make(map[string]string, len(p.files))}
	for _, f := range p.files {
		m.Files[f.Path] = digest(f.Content)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		cleanup()
		return fmt.Errorf("encoding manifest: %w", err)
	}
	dirs, err := makeDirs(p.Dir)
	created = append(created, dirs...)
	if err != nil {
		cleanup()
		return fmt.Errorf("creating output directory: %w", err)
	}
	tmp, err := stage(filepath.Join(p.Dir, ManifestName), append(data, '\n'), 0o644)
	if err != nil {
		cleanup()
		return fmt.Errorf("writing %s: %w", ManifestName, err)
	}
	staged = append(staged, pending{tmp: tmp, final: filepath.Join(p.Dir, ManifestName)})
	for i, s := range staged {
		if err := os.Rename(s.tmp, s.final); err != nil {
			staged = staged[i:]
			cleanup()
			return fmt.Errorf("moving %s into place: %w", s.final, err)
		}
	}
	for _, c := range p.Changes {
		if c.Action == Remove {
			if err := os.Remove(filepath.Join(p.Dir, filepath.FromSlash(c.Path))); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("removing stale %s: %w", c.Path, err)
			}
		}
	}
	return nil
}

// applyFresh writes a plan for a directory that does not exist: into a
// temporary sibling, then one rename.
func (p *Plan) applyFresh() error {
	parent := filepath.Dir(p.Dir)
	created, err := makeDirs(parent)
	undoParents := func() {
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	if err != nil {
		undoParents()
		return fmt.Errorf("creating output directory: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(p.Dir)+".tmp-*")
	if err != nil {
		undoParents()
		return fmt.Errorf("creating output directory: %w", err)
	}
	fail := func(err error) error {
		os.RemoveAll(tmp)
		undoParents()
		return err
	}
	// MkdirTemp makes the directory 0700; a generated tree is 0755 like
	// the directories Apply makes one by one.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(fmt.Errorf("creating output directory: %w", err))
	}
	dirs := map[string]bool{".": true}
	m := manifest{Generator: "scaffold", Files: make(map[string]string, len(p.files))}
	for _, f := range p.files {
		dir := path.Dir(f.Path)
		if !dirs[dir] {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(dir)), 0o755); err != nil {
				return fail(fmt.Errorf("creating the directory of %s: %w", f.Path, err))
			}
			for d := dir; d != "."; d = path.Dir(d) {
				dirs[d] = true
			}
		}
		if err := writeFile(filepath.Join(tmp, filepath.FromSlash(f.Path)), f.Content, f.Mode); err != nil {
			return fail(fmt.Errorf("writing %s: %w", f.Path, err))
		}
		m.Files[f.Path] = digest(f.Content)
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fail(fmt.Errorf("encoding manifest: %w", err))
	}
	if err := writeFile(filepath.Join(tmp, ManifestName), append(data, '\n'), 0o644); err != nil {
		return fail(fmt.Errorf("writing %s: %w", ManifestName, err))
	}
	if err := os.Rename(tmp, p.Dir); err != nil {
		return fail(fmt.Errorf("moving %s into place: %w", p.Dir, err))
	}
	return nil
}

// writeFile creates name with exactly the given mode (the umask does not
// apply, as with stage).
func writeFile(name string, content []byte, mode fs.FileMode) error {
	if mode == 0 {
		mode = 0o644
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	_, err = f.Write(content)
	if err == nil {
		err = f.Chmod(mode)
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// makeDirs creates dir and its missing parents and returns the ones it
// created, outermost first, so a failed run can remove exactly those.
func makeDirs(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append([]string{d}, missing...)
	}
	for i, d := range missing {
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return missing[:i], err
		}
	}
	return missing, nil
}

// stage writes content to a temporary file in final's directory and
// returns the temporary name. Same directory means same file system, so the
// later rename is atomic.
func stage(final string, content []byte, mode fs.FileMode) (string, error) {
	if mode == 0 {
		mode = 0o644
	}
	f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".tmp-*")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(content); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
