package schemas

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

func TestSplitObject(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    map[string]string
		wantErr bool
	}{
		{name: "empty", in: ` {} `, want: map[string]string{}},
		{
			name: "every kind of value",
			in:   `{"s":"a\"}b\\","n":-1.5e3, "t" : true,"z":null,"o":{"x":["]",{"y":"}"}]},"l":[1,[2]]}`,
			want: map[string]string{
				"s": `"a\"}b\\"`, "n": `-1.5e3`, "t": `true`, "z": `null`,
				"o": `{"x":["]",{"y":"}"}]}`, "l": `[1,[2]]`,
			},
		},
		{name: "escaped name", in: `{"a\u0062":1}`, want: map[string]string{"ab": "1"}},
		{name: "array", in: `[1]`, wantErr: true},
		{name: "unterminated object", in: `{"a":{"b":1}`, wantErr: true},
		{name: "unterminated string", in: `{"a":"b}`, wantErr: true},
		{name: "missing colon", in: `{"a" 1}`, wantErr: true},
		{name: "missing comma", in: `{"a":1 "b":2}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splitObject([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			gotText := make(map[string]string, len(got))
			for k, v := range got {
				gotText[k] = string(v)
			}
			if !maps.Equal(gotText, tt.want) {
				t.Errorf("got %q, want %q", gotText, tt.want)
			}
		})
	}
}

// TestSplitObjectMatchesDecoder checks the scan against encoding/json on
// every object the loaders split.
func TestSplitObjectMatchesDecoder(t *testing.T) {
	tf, err := readGzip("terraform/aws-provider-schema.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	cfn, err := readGzip("cloudformation/resource-spec.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	var tfFile struct {
		ProviderSchemas map[string]map[string]json.RawMessage `json:"provider_schemas"`
	}
	if err := json.Unmarshal(tf, &tfFile); err != nil {
		t.Fatal(err)
	}
	aws := tfFile.ProviderSchemas[TerraformProviderSource]
	var cfnFile map[string]json.RawMessage
	if err := json.Unmarshal(cfn, &cfnFile); err != nil {
		t.Fatal(err)
	}
	objects := map[string][]byte{
		"terraform top level":          tf,
		"resource_schemas":             aws["resource_schemas"],
		"data_source_schemas":          aws["data_source_schemas"],
		"cloudformation top level":     cfn,
		"cloudformation ResourceTypes": cfnFile["ResourceTypes"],
		"cloudformation PropertyTypes": cfnFile["PropertyTypes"],
	}
	for _, name := range slices.Sorted(maps.Keys(objects)) {
		var want map[string]json.RawMessage
		if err := json.Unmarshal(objects[name], &want); err != nil {
			t.Fatal(err)
		}
		got, err := splitObject(objects[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !maps.EqualFunc(got, want, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
			t.Errorf("%s: splitObject and encoding/json disagree", name)
		}
	}
}
