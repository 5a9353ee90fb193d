// Package schemas owns the machine-readable descriptions of what AWS accepts:
// the hashicorp/aws Terraform provider schema and the CloudFormation resource
// specification. Both files are embedded, gzip-compressed, exactly as they
// were copied from ../shared/schemas (see README.md for their provenance), so
// the checks that use them work offline and on a fresh clone.
//
// Each loader decodes its file once per process and caches the result. Only
// the top level is decoded up front; a resource or property type is decoded
// the first time it is looked up, because most callers touch a few dozen of
// the thousands of types and a full decode costs several times as much.
//
// The package imports only the standard library and go-cty; it must not
// import anything else from scaffold.
package schemas

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

// files holds the two schema files. The paths mirror ../shared/schemas so the
// provenance notes in README.md apply unchanged.
//
//go:embed terraform/aws-provider-schema.json.gz cloudformation/resource-spec.json.gz
var files embed.FS

// readGzip returns the decompressed contents of an embedded file.
func readGzip(name string) ([]byte, error) {
	compressed, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading embedded %q: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("decompressing %q: %w", name, err)
	}
	defer zr.Close()
	// The gzip trailer ends with the uncompressed size (mod 2^32); sizing
	// the buffer from it saves the repeated growing of io.ReadAll, a
	// noticeable share of the load time for these 3 and 5 MB files.
	var data bytes.Buffer
	data.Grow(int(binary.LittleEndian.Uint32(compressed[len(compressed)-4:])) + bytes.MinRead)
	if _, err := data.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("decompressing %q: %w", name, err)
	}
	return data.Bytes(), nil
}

// lazyTable maps a type name to a function that decodes its JSON on first
// use. The map is never written after construction and each entry is guarded
// by sync.OnceValues, so a table is safe for concurrent use.
type lazyTable[T any] map[string]func() (*T, error)

// newLazyTable wraps raw JSON values, keyed by name, in decoders of T. what
// names the kind of entry in error messages ("resource type").
func newLazyTable[T any](what string, raw map[string]json.RawMessage) lazyTable[T] {
	table := make(lazyTable[T], len(raw))
	for name, msg := range raw {
		table[name] = sync.OnceValues(func() (*T, error) {
			v := new(T)
			if err := json.Unmarshal(msg, v); err != nil {
				return nil, fmt.Errorf("decoding %s %q: %w", what, name, err)
			}
			return v, nil
		})
	}
	return table
}

// lookup returns the decoded entry for name, or false if there is none.
//
// A decoding failure panics rather than returning an error: the data is
// embedded at build time and TestEveryEntryDecodes decodes every entry, so a
// failure here means the binary was built from a broken file, not that the
// caller did something wrong. Making every caller handle that impossible
// error would hide the real ones.
func (t lazyTable[T]) lookup(name string) (*T, bool) {
	get, ok := t[name]
	if !ok {
		return nil, false
	}
	v, err := get()
	if err != nil {
		panic(fmt.Sprintf("schemas: embedded data is corrupt: %v", err))
	}
	return v, true
}

// names returns the table's keys in sorted order.
func (t lazyTable[T]) names() []string {
	names := make([]string, 0, len(t))
	for name := range t {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// decodeAll decodes every entry and returns the first error, in name order.
// Tests use it to prove that lookup can never panic.
func (t lazyTable[T]) decodeAll() error {
	for _, name := range t.names() {
		if _, err := t[name](); err != nil {
			return err
		}
	}
	return nil
}
