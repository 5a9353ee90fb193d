// Package templates embeds the text templates for files that are not
// infrastructure code (READMEs now; buildspecs, appspecs and scripts later).
// It is a Go package only because //go:embed cannot reach a parent
// directory; it holds data, no logic.
package templates

import "embed"

// FS holds every *.tmpl file of this directory.
//
//go:embed *.tmpl
var FS embed.FS
