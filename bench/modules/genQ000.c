// SPDX-License-Identifier: GPL-2.0
/* Template for the scale benchmark: 100 exports named gen_Q000_NNN; the bench renames Q000 in each copy. */
#include <linux/module.h>

int gen_Q000_000(int x) { return x + 0; }
EXPORT_SYMBOL(gen_Q000_000);
int gen_Q000_001(int x) { return x + 1; }
EXPORT_SYMBOL(gen_Q000_001);
int gen_Q000_002(int x) { return x + 2; }
EXPORT_SYMBOL(gen_Q000_002);
int gen_Q000_003(int x) { return x + 3; }
EXPORT_SYMBOL(gen_Q000_003);
int gen_Q000_004(int x) { return x + 4; }
EXPORT_SYMBOL(gen_Q000_004);
int gen_Q000_005(int x) { return x + 5; }
EXPORT_SYMBOL(gen_Q000_005);
int gen_Q000_006(int x) { return x + 6; }
EXPORT_SYMBOL(gen_Q000_006);
int gen_Q000_007(int x) { return x + 7; }
EXPORT_SYMBOL(gen_Q000_007);
int gen_Q000_008(int x) { return x + 8; }
EXPORT_SYMBOL(gen_Q000_008);
int gen_Q000_009(int x) { return x + 9; }
EXPORT_SYMBOL(gen_Q000_009);
int gen_Q000_010(int x) { return x + 10; }
EXPORT_SYMBOL(gen_Q000_010);
int gen_Q000_011(int x) { return x + 11; }
EXPORT_SYMBOL(gen_Q000_011);
int gen_Q000_012(int x) { return x + 12; }
EXPORT_SYMBOL(gen_Q000_012);
int gen_Q000_013(int x) { return x + 13; }
EXPORT_SYMBOL(gen_Q000_013);
int gen_Q000_014(int x) { return x + 14; }
EXPORT_SYMBOL(gen_Q000_014);
int gen_Q000_015(int x) { return x + 15; }
EXPORT_SYMBOL(gen_Q000_015);
int gen_Q000_016(int x) { return x + 16; }
EXPORT_SYMBOL(gen_Q000_016);
int gen_Q000_017(int x) { return x + 17; }
EXPORT_SYMBOL(gen_Q000_017);
int gen_Q000_018(int x) { return x + 18; }
EXPORT_SYMBOL(gen_Q000_018);
int gen_Q000_019(int x) { return x + 19; }
EXPORT_SYMBOL(gen_Q000_019);
int gen_Q000_020(int x) { return x + 20; }
EXPORT_SYMBOL(gen_Q000_020);
int gen_Q000_021(int x) { return x + 21; }
EXPORT_SYMBOL(gen_Q000_021);
int gen_Q000_022(int x) { return x + 22; }
EXPORT_SYMBOL(gen_Q000_022);
int gen_Q000_023(int x) { return x + 23; }
EXPORT_SYMBOL(gen_Q000_023);
int gen_Q000_024(int x) { return x + 24; }
EXPORT_SYMBOL(gen_Q000_024);
int gen_Q000_025(int x) { return x + 25; }
EXPORT_SYMBOL(gen_Q000_025);
int gen_Q000_026(int x) { return x + 26; }
EXPORT_SYMBOL(gen_Q000_026);
int gen_Q000_027(int x) { return x + 27; }
EXPORT_SYMBOL(gen_Q000_027);
int gen_Q000_028(int x) { return x + 28; }
EXPORT_SYMBOL(gen_Q000_028);
int gen_Q000_029(int x) { return x + 29; }
EXPORT_SYMBOL(gen_Q000_029);
int gen_Q000_030(int x) { return x + 30; }
EXPORT_SYMBOL(gen_Q000_030);
int gen_Q000_031(int x) { return x + 31; }
EXPORT_SYMBOL(gen_Q000_031);
int gen_Q000_032(int x) { return x + 32; }
EXPORT_SYMBOL(gen_Q000_032);
int gen_Q000_033(int x) { return x + 33; }
EXPORT_SYMBOL(gen_Q000_033);
int gen_Q000_034(int x) { return x + 34; }
EXPORT_SYMBOL(gen_Q000_034);
int gen_Q000_035(int x) { return x + 35; }
EXPORT_SYMBOL(gen_Q000_035);
int gen_Q000_036(int x) { return x + 36; }
EXPORT_SYMBOL(gen_Q000_036);
int gen_Q000_037(int x) { return x + 37; }
EXPORT_SYMBOL(gen_Q000_037);
int gen_Q000_038(int x) { return x + 38; }
EXPORT_SYMBOL(gen_Q000_038);
int gen_Q000_039(int x) { return x + 39; }
EXPORT_SYMBOL(gen_Q000_039);
int gen_Q000_040(int x) { return x + 40; }
EXPORT_SYMBOL(gen_Q000_040);
int gen_Q000_041(int x) { return x + 41; }
EXPORT_SYMBOL(gen_Q000_041);
int gen_Q000_042(int x) { return x + 42; }
EXPORT_SYMBOL(gen_Q000_042);
int gen_Q000_043(int x) { return x + 43; }
EXPORT_SYMBOL(gen_Q000_043);
int gen_Q000_044(int x) { return x + 44; }
EXPORT_SYMBOL(gen_Q000_044);
int gen_Q000_045(int x) { return x + 45; }
EXPORT_SYMBOL(gen_Q000_045);
int gen_Q000_046(int x) { return x + 46; }
EXPORT_SYMBOL(gen_Q000_046);
int gen_Q000_047(int x) { return x + 47; }
EXPORT_SYMBOL(gen_Q000_047);
int gen_Q000_048(int x) { return x + 48; }
EXPORT_SYMBOL(gen_Q000_048);
int gen_Q000_049(int x) { return x + 49; }
EXPORT_SYMBOL(gen_Q000_049);
int gen_Q000_050(int x) { return x + 50; }
EXPORT_SYMBOL(gen_Q000_050);
int gen_Q000_051(int x) { return x + 51; }
EXPORT_SYMBOL(gen_Q000_051);
int gen_Q000_052(int x) { return x + 52; }
EXPORT_SYMBOL(gen_Q000_052);
int gen_Q000_053(int x) { return x + 53; }
EXPORT_SYMBOL(gen_Q000_053);
int gen_Q000_054(int x) { return x + 54; }
EXPORT_SYMBOL(gen_Q000_054);
int gen_Q000_055(int x) { return x + 55; }
EXPORT_SYMBOL(gen_Q000_055);
int gen_Q000_056(int x) { return x + 56; }
EXPORT_SYMBOL(gen_Q000_056);
int gen_Q000_057(int x) { return x + 57; }
EXPORT_SYMBOL(gen_Q000_057);
int gen_Q000_058(int x) { return x + 58; }
EXPORT_SYMBOL(gen_Q000_058);
int gen_Q000_059(int x) { return x + 59; }
EXPORT_SYMBOL(gen_Q000_059);
int gen_Q000_060(int x) { return x + 60; }
EXPORT_SYMBOL(gen_Q000_060);
int gen_Q000_061(int x) { return x + 61; }
EXPORT_SYMBOL(gen_Q000_061);
int gen_Q000_062(int x) { return x + 62; }
EXPORT_SYMBOL(gen_Q000_062);
int gen_Q000_063(int x) { return x + 63; }
EXPORT_SYMBOL(gen_Q000_063);
int gen_Q000_064(int x) { return x + 64; }
EXPORT_SYMBOL(gen_Q000_064);
int gen_Q000_065(int x) { return x + 65; }
EXPORT_SYMBOL(gen_Q000_065);
int gen_Q000_066(int x) { return x + 66; }
EXPORT_SYMBOL(gen_Q000_066);
int gen_Q000_067(int x) { return x + 67; }
EXPORT_SYMBOL(gen_Q000_067);
int gen_Q000_068(int x) { return x + 68; }
EXPORT_SYMBOL(gen_Q000_068);
int gen_Q000_069(int x) { return x + 69; }
EXPORT_SYMBOL(gen_Q000_069);
int gen_Q000_070(int x) { return x + 70; }
EXPORT_SYMBOL(gen_Q000_070);
int gen_Q000_071(int x) { return x + 71; }
EXPORT_SYMBOL(gen_Q000_071);
int gen_Q000_072(int x) { return x + 72; }
EXPORT_SYMBOL(gen_Q000_072);
int gen_Q000_073(int x) { return x + 73; }
EXPORT_SYMBOL(gen_Q000_073);
int gen_Q000_074(int x) { return x + 74; }
EXPORT_SYMBOL(gen_Q000_074);
int gen_Q000_075(int x) { return x + 75; }
EXPORT_SYMBOL(gen_Q000_075);
int gen_Q000_076(int x) { return x + 76; }
EXPORT_SYMBOL(gen_Q000_076);
int gen_Q000_077(int x) { return x + 77; }
EXPORT_SYMBOL(gen_Q000_077);
int gen_Q000_078(int x) { return x + 78; }
EXPORT_SYMBOL(gen_Q000_078);
int gen_Q000_079(int x) { return x + 79; }
EXPORT_SYMBOL(gen_Q000_079);
int gen_Q000_080(int x) { return x + 80; }
EXPORT_SYMBOL(gen_Q000_080);
int gen_Q000_081(int x) { return x + 81; }
EXPORT_SYMBOL(gen_Q000_081);
int gen_Q000_082(int x) { return x + 82; }
EXPORT_SYMBOL(gen_Q000_082);
int gen_Q000_083(int x) { return x + 83; }
EXPORT_SYMBOL(gen_Q000_083);
int gen_Q000_084(int x) { return x + 84; }
EXPORT_SYMBOL(gen_Q000_084);
int gen_Q000_085(int x) { return x + 85; }
EXPORT_SYMBOL(gen_Q000_085);
int gen_Q000_086(int x) { return x + 86; }
EXPORT_SYMBOL(gen_Q000_086);
int gen_Q000_087(int x) { return x + 87; }
EXPORT_SYMBOL(gen_Q000_087);
int gen_Q000_088(int x) { return x + 88; }
EXPORT_SYMBOL(gen_Q000_088);
int gen_Q000_089(int x) { return x + 89; }
EXPORT_SYMBOL(gen_Q000_089);
int gen_Q000_090(int x) { return x + 90; }
EXPORT_SYMBOL(gen_Q000_090);
int gen_Q000_091(int x) { return x + 91; }
EXPORT_SYMBOL(gen_Q000_091);
int gen_Q000_092(int x) { return x + 92; }
EXPORT_SYMBOL(gen_Q000_092);
int gen_Q000_093(int x) { return x + 93; }
EXPORT_SYMBOL(gen_Q000_093);
int gen_Q000_094(int x) { return x + 94; }
EXPORT_SYMBOL(gen_Q000_094);
int gen_Q000_095(int x) { return x + 95; }
EXPORT_SYMBOL(gen_Q000_095);
int gen_Q000_096(int x) { return x + 96; }
EXPORT_SYMBOL(gen_Q000_096);
int gen_Q000_097(int x) { return x + 97; }
EXPORT_SYMBOL(gen_Q000_097);
int gen_Q000_098(int x) { return x + 98; }
EXPORT_SYMBOL(gen_Q000_098);
int gen_Q000_099(int x) { return x + 99; }
EXPORT_SYMBOL(gen_Q000_099);

static int __init gen_init(void) { return 0; }
static void __exit gen_exit(void) { }
module_init(gen_init);
module_exit(gen_exit);
MODULE_LICENSE("GPL");
