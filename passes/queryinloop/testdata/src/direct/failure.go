package direct

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
)

// Failure paths: a write that runs only for the items whose call failed
// is no work per item.

type Sched struct {
	ID   int64
	Name string
}

type Schedr struct{ db *sql.DB }

func (s *Schedr) get(ctx context.Context, id int64) (*Sched, error) {
	var sc Sched
	err := s.db.QueryRowContext(ctx, "SELECT id, name FROM schedules WHERE id = $1", id).Scan(&sc.ID, &sc.Name)
	return &sc, err
}

func (s *Schedr) trigger(sc *Sched) error { return nil }

// markError records a schedule's failure in its row.
func markError(ctx context.Context, db *sql.DB, err error, sc *Sched) {
	_, _ = db.ExecContext(ctx, "UPDATE schedules SET error = $1 WHERE id = $2", err.Error(), sc.ID)
}

// report is a deeper helper that marks the error.
func report(ctx context.Context, db *sql.DB, err error, sc *Sched) {
	markError(ctx, db, err, sc)
}

func ProcessSchedules(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		sc, err := s.get(ctx, item.ID) // want `^direct.\(\*Schedr\).get runs SELECT .* once per item of list`
		if err != nil {
			markError(ctx, s.db, err, sc) // silent: only the failed items write
			continue
		}
		if err := s.trigger(sc); err != nil {
			report(ctx, s.db, err, sc) // silent: a deeper helper, only in the failure branch
		}
	}
}

// tryTrigger marks the error when its own trigger fails: a loop calling
// it per item writes only for the failed ones.
func (s *Schedr) tryTrigger(ctx context.Context, sc *Sched) {
	if err := s.trigger(sc); err != nil && sc.Name != "" {
		markError(ctx, s.db, err, sc)
	}
}

func TriggerAll(ctx context.Context, s *Schedr, list []*Sched) {
	for _, sc := range list {
		s.tryTrigger(ctx, sc) // silent: the callee writes only on its own failure
	}
}

// okOrMark writes in the else of err == nil: on failure.
func (s *Schedr) okOrMark(ctx context.Context, sc *Sched) {
	err := s.trigger(sc)
	if err == nil {
		return
	} else {
		markError(ctx, s.db, err, sc)
	}
}

func OkOrMarkAll(ctx context.Context, s *Schedr, list []*Sched) {
	for _, sc := range list {
		s.okOrMark(ctx, sc) // silent: the else of err == nil
	}
}

var errMissing = errors.New("missing")

func (s *Schedr) create(ctx context.Context, sc *Sched) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO schedules (id, name) VALUES ($1, $2)", sc.ID, sc.Name)
	return err
}

// GetOrCreate creates the rows not found: a row missing per item is the
// normal case, a real N+1.
func GetOrCreate(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		_, err := s.get(ctx, item.ID) // want `^direct.\(\*Schedr\).get runs SELECT .* once per item of list`
		if err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
			}
		}
	}
}

// GetOrCreateSentinel tells the failure by comparing with a sentinel.
func GetOrCreateSentinel(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		err := s.trigger(item)
		if err == errMissing {
			s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
		}
	}
}

// CreateOnSuccess writes in the err == nil branch: every item that
// succeeds, the normal case.
func CreateOnSuccess(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		if err := s.trigger(item); err == nil {
			s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
		}
	}
}

// CreateAfter writes after the failure branch, not in it.
func CreateAfter(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		if err := s.trigger(item); err != nil {
			continue
		}
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

// MarkAlways calls the helper on the normal path too: that call counts.
func MarkAlways(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		err := s.trigger(item)
		if err != nil {
			report(ctx, s.db, err, item) // silent: on failure
		}
		report(ctx, s.db, err, item) // want `^direct.report runs UPDATE schedules .* once per item of list`
	}
}

// MarkGiven tests an error it was given, not one of its own calls: the
// caller decides, so the write counts.
func markGiven(ctx context.Context, db *sql.DB, err error, sc *Sched) {
	if err != nil {
		markError(ctx, db, err, sc)
	}
}

func MarkGivenAll(ctx context.Context, s *Schedr, list []*Sched, errs []error) {
	for i, item := range list {
		markGiven(ctx, s.db, errs[i], item) // want `^direct.markGiven runs UPDATE schedules .* once per item of list`
	}
}

func (s *Schedr) lookup(id int64) (int, error) { return 200, nil }

// MarkGone marks the items the remote no longer has: the status the
// failed call answered beside its error tells which failure, and an
// item gone is data, per item.
func MarkGone(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		code, err := s.lookup(item.ID)
		if err != nil {
			if code == 404 {
				s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
			}
		}
	}
}

type pushErr struct{ Code string }

func decode(err error) pushErr { return pushErr{Code: err.Error()} }

// DropStale deletes a device whose push failed as unregistered: a
// code decoded from the error, in the failure branch, for the failed
// items only.
func DropStale(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		err := s.trigger(item)
		if err != nil {
			perr := decode(err)
			switch perr.Code {
			case "unregistered":
				markError(ctx, s.db, err, item) // silent: on failure
			default:
				return
			}
		}
	}
}

// Requeue puts the rest of the batch back after a failure: the loop in
// the branch runs only when a trigger failed, not in the normal case.
func Requeue(ctx context.Context, s *Schedr, list []*Sched) {
	for i, item := range list {
		if err := s.trigger(item); err != nil {
			markError(ctx, s.db, err, item) // silent: on failure
			for _, rest := range list[i:] {
				s.create(ctx, rest) // silent: a loop within the failure
			}
			return
		}
	}
}

// ByRef reads each reference by path when it is not a number: the
// parse's error tells the kind of input, the normal path for paths.
func ByRef(ctx context.Context, s *Schedr, refs []string) {
	for _, ref := range refs {
		if _, err := strconv.ParseInt(ref, 10, 64); err != nil {
			s.create(ctx, &Sched{Name: ref}) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of refs`
		}
	}
}

func isDupe(err error) bool { return err != nil }

// Upsert updates the rows the insert found already there: the test
// beside err != nil tells which failure, per item.
func Upsert(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		err := s.trigger(item)
		if err != nil && isDupe(err) {
			markError(ctx, s.db, err, item) // want `^direct.markError runs UPDATE schedules .* once per item of list`
		}
	}
}

// createAll inserts every schedule in one statement.
func (s *Schedr) createAll(ctx context.Context, list []*Sched) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO schedules (name) SELECT unnest($1::text[])", list)
	return err
}

// Fallback sends the list at once and, when that fails, item by item:
// the slow path of a set-based insert, run only on its failure.
func Fallback(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		for _, item := range list {
			s.create(ctx, item) // silent: the batch's fallback
		}
	}
}

// FlagFallback queues the list, sends it, and sends each again when one
// of the batch's statements failed: failed is set only on a failure.
func FlagFallback(ctx context.Context, s *Schedr, list []*Sched) {
	var names []string
	for _, item := range list {
		names = append(names, item.Name)
	}
	failed := false
	for range names {
		if err := s.trigger(nil); err != nil {
			failed = true
			break
		}
	}
	if failed {
		for _, item := range list {
			s.create(ctx, item) // silent: the batch's fallback
		}
	}
}

// OtherOnFailure writes each of another list when a call fails: a list
// the function never handed on, still only when the call failed.
func OtherOnFailure(ctx context.Context, s *Schedr, list, others []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		for _, o := range others {
			s.create(ctx, o) // silent: a loop within the failure
		}
	}
}

type block struct {
	Label string
	Items []*Sched
}

// BlocksOneByOne sends each block's items at once and, when that fails,
// one by one to find the bad ones: a field's list, in a loop of blocks.
func BlocksOneByOne(ctx context.Context, s *Schedr, blocks []block) []error {
	var errs []error
	for _, b := range blocks {
		err := s.createAll(ctx, b.Items) // want `^direct.\(\*Schedr\).createAll runs INSERT into schedules .* once per item of blocks`
		if err != nil {
			for _, item := range b.Items {
				if err := s.create(ctx, item); err != nil { // silent: the batch's fallback
					errs = append(errs, err)
				}
			}
		}
	}
	return errs
}

// CreateMissingOnFailure creates every item when the batch's failure is
// that the table is missing: the test tells which failure, and the loop
// within it writes per item.
func CreateMissingOnFailure(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		if errors.Is(err, errMissing) {
			for _, item := range list {
				s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
			}
		}
	}
}

// SkipFailed leaves the items whose trigger failed and creates the
// others: the loop is in no failure branch, its query after the branch.
func SkipFailed(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.trigger(nil); err != nil {
		return
	}
	for _, item := range list {
		if err := s.trigger(item); err != nil {
			continue
		}
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

// FlagNotFailure sets its flag on a plain condition: no failure.
func FlagNotFailure(ctx context.Context, s *Schedr, list []*Sched) {
	again := false
	for _, item := range list {
		if item.ID == 0 {
			again = true
		}
	}
	if again {
		for _, item := range list {
			s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
		}
	}
}

func retryable(msg string) bool { return msg != "" }

// insertRowByRow inserts the rows one by one: its every call is in a
// failure branch, so its loop runs only when a batch failed.
func insertRowByRow(ctx context.Context, s *Schedr, list []*Sched) error {
	for _, item := range list {
		if err := s.create(ctx, item); err != nil { // silent: the function runs only on failure
			return err
		}
	}
	return nil
}

// InsertBatch sends the list at once, row by row when that failed.
func InsertBatch(ctx context.Context, s *Schedr, list []*Sched) error {
	if err := s.createAll(ctx, list); err != nil {
		retry := retryable(err.Error())
		if !retry {
			return err
		}
		return insertRowByRow(ctx, s, list)
	}
	return nil
}

// InsertBatchAgain is the other caller, on failure too.
func InsertBatchAgain(ctx context.Context, s *Schedr, list []*Sched) error {
	err := s.createAll(ctx, list)
	if err != nil {
		err = insertRowByRow(ctx, s, list)
	}
	return err
}

// resendEach, a method, is called only on failure too.
func (s *Schedr) resendEach(ctx context.Context, list []*Sched) {
	for _, item := range list {
		s.create(ctx, item) // silent: the method runs only on failure
	}
}

func Resend(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		s.resendEach(ctx, list)
	}
}

// insertEach is called on failure and on success: its loop is work.
func insertEach(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

func InsertTwice(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		insertEach(ctx, s, list)
	}
	insertEach(ctx, s, list)
}

// insertByValue is called only on failure, but handed on as a value too:
// a caller this package does not show.
func insertByValue(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

var inserter = insertByValue

func InsertByValue(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		insertByValue(ctx, s, list)
	}
}

// InsertRowByRow is exported: other packages may call it on any path.
func InsertRowByRow(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

func InsertExported(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		InsertRowByRow(ctx, s, list)
	}
}

// insertTold is called only where a test tells the failure: a row
// missing per item is the normal case.
func insertTold(ctx context.Context, s *Schedr, list []*Sched) {
	for _, item := range list {
		s.create(ctx, item) // want `^direct.\(\*Schedr\).create runs INSERT into schedules .* once per item of list`
	}
}

func InsertTold(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.createAll(ctx, list); err != nil {
		if errors.Is(err, errMissing) {
			insertTold(ctx, s, list)
		}
	}
}

// A service's own error interface, returned in error's place: tested
// against nil, it says a call failed as error does.
type lakeError interface {
	error
	Code() int
}

func (s *Schedr) mapAll(ctx context.Context, list []*Sched) lakeError { return nil }

// codeOnly has an Error method but is no interface: a value, not a
// failure, whatever its name.
type codeOnly struct{ code int }

func (c *codeOnly) Error() string { return strconv.Itoa(c.code) }

func (s *Schedr) check(ctx context.Context, list []*Sched) *codeOnly { return nil }

func MapOrCreate(ctx context.Context, s *Schedr, list []*Sched) {
	if err := s.mapAll(ctx, list); err != nil {
		for _, sc := range list {
			markError(ctx, s.db, err, sc) // silent: a fallback only a failed call takes
		}
	}
	if c := s.check(ctx, list); c != nil {
		for _, sc := range list {
			markError(ctx, s.db, nil, sc) // want `^direct.markError runs UPDATE .* once per item of list`
		}
	}
}

// Session is an ORM session whose Insert and Update answer how many rows
// they wrote (xorm's).
type Session struct{ db *sql.DB }

func (s *Session) Insert(bean *Sched) (int64, error) {
	res, err := s.db.Exec("INSERT INTO schedules (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING", bean.ID, bean.Name)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *Session) Update(bean *Sched) (int64, error) {
	res, err := s.db.Exec("UPDATE schedules SET name = $2 WHERE id = $1", bean.ID, bean.Name)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// next moves a schedule's time on when its slot was taken.
func (s *Session) next(sc *Sched) {
	_, _ = s.db.Exec("SELECT max(id) FROM schedules WHERE name = $1", sc.Name)
}

// CreateAll inserts each schedule; one the insert did not add (a
// conflict: `err != nil || created < 1`) takes the next slot and is
// inserted again: only the items that conflicted do.
func CreateAll(s *Session, list []*Sched) {
	for _, sc := range list {
		created, err := s.Insert(sc) // want `^direct.\(\*Session\).Insert runs INSERT .* once per item of list`
		if err != nil || created < 1 {
			s.next(sc)   // silent: the conflicting items only
			s.Insert(sc) // silent: likewise
		}
	}
}

// SaveAll updates each schedule and creates the ones no row was updated
// for: an update-or-create, whose create is the normal path of a new
// item.
func SaveAll(s *Session, list []*Sched) {
	for _, sc := range list {
		updated, err := s.Update(sc) // want `^direct.\(\*Session\).Update runs UPDATE .* once per item of list`
		if err != nil || updated == 0 {
			s.Insert(sc) // want `^direct.\(\*Session\).Insert runs INSERT .* once per item of list`
		}
	}
}
