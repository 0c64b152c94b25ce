package main

import "example.com/widetable/vm"

// The script functions the program registers: seventy of them, one of
// which (lookup) reads the database.

func fn00(v *vm.VM) int { return v.Top() + 0 }

func fn01(v *vm.VM) int { return v.Top() + 1 }

func fn02(v *vm.VM) int { return v.Top() + 2 }

func fn03(v *vm.VM) int { return v.Top() + 3 }

func fn04(v *vm.VM) int { return v.Top() + 4 }

func fn05(v *vm.VM) int { return v.Top() + 5 }

func fn06(v *vm.VM) int { return v.Top() + 6 }

func fn07(v *vm.VM) int { return v.Top() + 7 }

func fn08(v *vm.VM) int { return v.Top() + 8 }

func fn09(v *vm.VM) int { return v.Top() + 9 }

func fn10(v *vm.VM) int { return v.Top() + 10 }

func fn11(v *vm.VM) int { return v.Top() + 11 }

func fn12(v *vm.VM) int { return v.Top() + 12 }

func fn13(v *vm.VM) int { return v.Top() + 13 }

func fn14(v *vm.VM) int { return v.Top() + 14 }

func fn15(v *vm.VM) int { return v.Top() + 15 }

func fn16(v *vm.VM) int { return v.Top() + 16 }

func fn17(v *vm.VM) int { return v.Top() + 17 }

func fn18(v *vm.VM) int { return v.Top() + 18 }

func fn19(v *vm.VM) int { return v.Top() + 19 }

func fn20(v *vm.VM) int { return v.Top() + 20 }

func fn21(v *vm.VM) int { return v.Top() + 21 }

func fn22(v *vm.VM) int { return v.Top() + 22 }

func fn23(v *vm.VM) int { return v.Top() + 23 }

func fn24(v *vm.VM) int { return v.Top() + 24 }

func fn25(v *vm.VM) int { return v.Top() + 25 }

func fn26(v *vm.VM) int { return v.Top() + 26 }

func fn27(v *vm.VM) int { return v.Top() + 27 }

func fn28(v *vm.VM) int { return v.Top() + 28 }

func fn29(v *vm.VM) int { return v.Top() + 29 }

func fn30(v *vm.VM) int { return v.Top() + 30 }

func fn31(v *vm.VM) int { return v.Top() + 31 }

func fn32(v *vm.VM) int { return v.Top() + 32 }

func fn33(v *vm.VM) int { return v.Top() + 33 }

func fn34(v *vm.VM) int { return v.Top() + 34 }

func fn35(v *vm.VM) int { return v.Top() + 35 }

func fn36(v *vm.VM) int { return v.Top() + 36 }

func fn37(v *vm.VM) int { return v.Top() + 37 }

func fn38(v *vm.VM) int { return v.Top() + 38 }

func fn39(v *vm.VM) int { return v.Top() + 39 }

func fn40(v *vm.VM) int { return v.Top() + 40 }

func fn41(v *vm.VM) int { return v.Top() + 41 }

func fn42(v *vm.VM) int { return v.Top() + 42 }

func fn43(v *vm.VM) int { return v.Top() + 43 }

func fn44(v *vm.VM) int { return v.Top() + 44 }

func fn45(v *vm.VM) int { return v.Top() + 45 }

func fn46(v *vm.VM) int { return v.Top() + 46 }

func fn47(v *vm.VM) int { return v.Top() + 47 }

func fn48(v *vm.VM) int { return v.Top() + 48 }

func fn49(v *vm.VM) int { return v.Top() + 49 }

func fn50(v *vm.VM) int { return v.Top() + 50 }

func fn51(v *vm.VM) int { return v.Top() + 51 }

func fn52(v *vm.VM) int { return v.Top() + 52 }

func fn53(v *vm.VM) int { return v.Top() + 53 }

func fn54(v *vm.VM) int { return v.Top() + 54 }

func fn55(v *vm.VM) int { return v.Top() + 55 }

func fn56(v *vm.VM) int { return v.Top() + 56 }

func fn57(v *vm.VM) int { return v.Top() + 57 }

func fn58(v *vm.VM) int { return v.Top() + 58 }

func fn59(v *vm.VM) int { return v.Top() + 59 }

func fn60(v *vm.VM) int { return v.Top() + 60 }

func fn61(v *vm.VM) int { return v.Top() + 61 }

func fn62(v *vm.VM) int { return v.Top() + 62 }

func fn63(v *vm.VM) int { return v.Top() + 63 }

func fn64(v *vm.VM) int { return v.Top() + 64 }

func fn65(v *vm.VM) int { return v.Top() + 65 }

func fn66(v *vm.VM) int { return v.Top() + 66 }

func fn67(v *vm.VM) int { return v.Top() + 67 }

func fn68(v *vm.VM) int { return v.Top() + 68 }

func fn69(v *vm.VM) int { return v.Top() + 69 }

func table() map[string]vm.Func {
	return map[string]vm.Func{
		"fn00":   fn00,
		"fn01":   fn01,
		"fn02":   fn02,
		"fn03":   fn03,
		"fn04":   fn04,
		"fn05":   fn05,
		"fn06":   fn06,
		"fn07":   fn07,
		"fn08":   fn08,
		"fn09":   fn09,
		"fn10":   fn10,
		"fn11":   fn11,
		"fn12":   fn12,
		"fn13":   fn13,
		"fn14":   fn14,
		"fn15":   fn15,
		"fn16":   fn16,
		"fn17":   fn17,
		"fn18":   fn18,
		"fn19":   fn19,
		"fn20":   fn20,
		"fn21":   fn21,
		"fn22":   fn22,
		"fn23":   fn23,
		"fn24":   fn24,
		"fn25":   fn25,
		"fn26":   fn26,
		"fn27":   fn27,
		"fn28":   fn28,
		"fn29":   fn29,
		"fn30":   fn30,
		"fn31":   fn31,
		"fn32":   fn32,
		"fn33":   fn33,
		"fn34":   fn34,
		"fn35":   fn35,
		"fn36":   fn36,
		"fn37":   fn37,
		"fn38":   fn38,
		"fn39":   fn39,
		"fn40":   fn40,
		"fn41":   fn41,
		"fn42":   fn42,
		"fn43":   fn43,
		"fn44":   fn44,
		"fn45":   fn45,
		"fn46":   fn46,
		"fn47":   fn47,
		"fn48":   fn48,
		"fn49":   fn49,
		"fn50":   fn50,
		"fn51":   fn51,
		"fn52":   fn52,
		"fn53":   fn53,
		"fn54":   fn54,
		"fn55":   fn55,
		"fn56":   fn56,
		"fn57":   fn57,
		"fn58":   fn58,
		"fn59":   fn59,
		"fn60":   fn60,
		"fn61":   fn61,
		"fn62":   fn62,
		"fn63":   fn63,
		"fn64":   fn64,
		"fn65":   fn65,
		"fn66":   fn66,
		"fn67":   fn67,
		"fn68":   fn68,
		"fn69":   fn69,
		"lookup": lookup,
	}
}
