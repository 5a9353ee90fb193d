package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// splitObject returns the members of the JSON object in data without
// decoding or validating their values. It exists because the loaders only
// need the names of the thousands of types at start-up: encoding/json
// validates every byte of a json.RawMessage it skips, which made loading
// three to five times slower than this scan. Values are validated when they
// are decoded, and TestSplitObjectMatchesDecoder checks that this scan and
// encoding/json agree on the embedded files.
func splitObject(data []byte) (map[string]json.RawMessage, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, errors.New("not a JSON object")
	}
	members := make(map[string]json.RawMessage)
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return members, nil
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, fmt.Errorf("offset %d: expected a member name", i)
		}
		end, err := skipValue(data, i)
		if err != nil {
			return nil, err
		}
		var name string
		if err := json.Unmarshal(data[i:end], &name); err != nil {
			return nil, fmt.Errorf("offset %d: %w", i, err)
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, fmt.Errorf("offset %d: expected ':'", i)
		}
		start := skipSpace(data, i+1)
		if end, err = skipValue(data, start); err != nil {
			return nil, err
		}
		members[name] = json.RawMessage(data[start:end])
		i = skipSpace(data, end)
		if i >= len(data) {
			return nil, errors.New("unterminated object")
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return members, nil
		default:
			return nil, fmt.Errorf("offset %d: expected ',' or '}'", i)
		}
	}
}

// splitPath descends through nested objects by member name and splits the
// object it reaches.
func splitPath(data []byte, names ...string) (map[string]json.RawMessage, error) {
	members, err := splitObject(data)
	for _, name := range names {
		if err != nil {
			return nil, err
		}
		value, ok := members[name]
		if !ok {
			return nil, fmt.Errorf("no member %q", name)
		}
		members, err = splitObject(value)
	}
	return members, err
}

// skipSpace returns the offset of the first non-whitespace byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipValue returns the offset just past the JSON value that starts at i.
// It tracks only strings and bracket depth, which is all it takes to find
// the end of well-formed JSON.
func skipValue(data []byte, i int) (int, error) {
	if i >= len(data) {
		return 0, errors.New("missing JSON value")
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for ; i < len(data); i++ {
			switch data[i] {
			case '"':
				end, err := skipString(data, i)
				if err != nil {
					return 0, err
				}
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1, nil
				}
			}
		}
		return 0, errors.New("unterminated JSON value")
	default: // a number, true, false or null
		for i < len(data) && strings.IndexByte(",}] \t\n\r", data[i]) < 0 {
			i++
		}
		return i, nil
	}
}

// skipString returns the offset just past the JSON string that starts at i.
func skipString(data []byte, i int) (int, error) {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '"':
			return i + 1, nil
		case '\\':
			i++ // the escaped byte cannot end the string
		}
	}
	return 0, errors.New("unterminated JSON string")
}
