package migrations

import "example.com/ifacemig/dal"

type backfillNames struct{}

// Up copies each user's name from the profile, one statement per user.
func (*backfillNames) Up(d dal.Dal) error {
	var users []User
	if err := d.All(&users, "name = ''"); err != nil {
		return err
	}
	for _, u := range users {
		var p Profile
		if err := d.First(&p, "user_id = ?", u.ID); err != nil { // migration
			return err
		}
		u.Name = p.Name
		if err := d.Save(&u); err != nil { // migration
			return err
		}
	}
	return nil
}

func (*backfillNames) Version() uint64 { return 20230201 }
func (*backfillNames) Name() string    { return "backfill names" }
