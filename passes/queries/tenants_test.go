package queries

import "testing"

func TestHeadNoun(t *testing.T) {
	for name, want := range map[string]string{
		"Organization":         "organization",
		"StorableOrganization": "organization",
		"HTTPOrg":              "org",
		"EnvironmentV2":        "environment",
		"Env2":                 "env",
		"Dev":                  "dev",
		"OrgMember":            "member",
		"ID":                   "id",
		"tenant":               "tenant",
		"V2":                   "v",
	} {
		if got := headNoun(name); got != want {
			t.Errorf("headNoun(%q) = %q, want %q", name, got, want)
		}
	}
}
