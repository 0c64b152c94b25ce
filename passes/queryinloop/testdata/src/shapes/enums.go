package shapes

import "context"

// Integration is an enumeration: its package names its few values.
type Integration string

const (
	IntegrationJira    Integration = "Jira"
	IntegrationLinear  Integration = "Linear"
	IntegrationSlack   Integration = "Slack"
	IntegrationClickUp Integration = "ClickUp"
)

// Attach runs a query per integration the user ticked: at most four,
// each given once (a GraphQL enum's list of pointers).
func (s *Store) Attach(ctx context.Context, integrations []*Integration) {
	for _, i := range integrations {
		s.insertKind(ctx, string(*i)) // silent: at most 4
	}
}

// Counts runs a query per key of a map keyed by the enumeration.
func (s *Store) Counts(ctx context.Context, by map[Integration]int) {
	for i := range by {
		s.insertKind(ctx, string(i)) // silent: at most 4
	}
}

// OrgID names one special value: an identifier type, whose lists are
// data.
type OrgID string

const SystemOrg OrgID = "system"

func (s *Store) Orgs(ctx context.Context, orgs []OrgID) {
	for _, o := range orgs {
		s.insertKind(ctx, string(o)) // want `once per item of orgs`
	}
}

// Code has more values than a few: a list of codes is data.
type Code int

const (
	C0 Code = iota
	C1
	C2
	C3
	C4
	C5
	C6
	C7
	C8
	C9
	C10
	C11
	C12
	C13
	C14
	C15
	C16
)

func (s *Store) Codes(ctx context.Context, codes []Code) {
	for _, c := range codes {
		s.user(ctx, int64(c)) // want `once per item of codes`
	}
}
