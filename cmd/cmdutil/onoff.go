package cmdutil

import (
	"fmt"
	"strings"
)

// OnOff is a boolean flag spelled on/off (true/false also work), for
// features the docs describe as switched on or off.
type OnOff bool

// String implements pflag.Value.
func (o *OnOff) String() string {
	if *o {
		return "on"
	}
	return "off"
}

// Set implements pflag.Value.
func (o *OnOff) Set(s string) error {
	switch strings.ToLower(s) {
	case "on", "true", "yes":
		*o = true
	case "off", "false", "no":
		*o = false
	default:
		return fmt.Errorf("want on or off")
	}
	return nil
}

// Type implements pflag.Value.
func (o *OnOff) Type() string { return "on|off" }
