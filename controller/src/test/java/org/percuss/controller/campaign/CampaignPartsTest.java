package org.percuss.controller.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignPartsTest {

    @Test
    void seedsAreACountFromOneOrAnInclusiveRange() throws CampaignProblem {
        assertThat(SeedRange.parse("1000")).isEqualTo(new SeedRange(1, 1000));
        assertThat(SeedRange.parse("1000").count()).isEqualTo(1000);
        assertThat(SeedRange.parse("0..0").count()).isEqualTo(1);
        assertThat(SeedRange.parse("5..9").seed(4)).isEqualTo(9);
        assertThatThrownBy(() -> SeedRange.parse("-1..3")).isInstanceOf(CampaignProblem.class);
        assertThatThrownBy(() -> SeedRange.parse("1..")).isInstanceOf(CampaignProblem.class);
    }

    @Test
    void theShardsOfACampaignTakeEverySessionExactlyOnceAndFairly() throws CampaignProblem {
        for (int n : new int[] {1, 2, 3, 7, 40}) {
            for (long total : new long[] {0, 1, 5, 39, 40, 41, 1000}) {
                Set<Long> seen = new HashSet<>();
                for (int k = 1; k <= n; k++) {
                    Shard s = Shard.parse(k + "/" + n);
                    long share = s.share(total);
                    assertThat(share).isBetween(total / n, total / n + 1);
                    for (long i = 0; i < share; i++) {
                        assertThat(s.owns(s.session(i))).isTrue();
                        assertThat(seen.add(s.session(i))).isTrue();
                    }
                }
                assertThat(seen).hasSize((int) total);
                assertThat(seen.stream().allMatch(i -> i >= 0 && i < total)).isTrue();
            }
        }
    }

    @Test
    void sweepValuesAreWrittenInTheirShortestFormAndMakeAGrid() throws CampaignProblem {
        Sweep p = Sweep.parse("pressure_n=10.0, 20.50,0");
        assertThat(p.values()).containsExactly("10", "20.5", "0");
        Sweep a = Sweep.parse("ambient_c=-10,35");
        List<SweepPoint> grid = SweepPoint.grid(List.of(p, a));
        assertThat(grid).extracting(SweepPoint::label).containsExactly("pressure_n=10 ambient_c=-10",
                "pressure_n=10 ambient_c=35", "pressure_n=20.5 ambient_c=-10", "pressure_n=20.5 ambient_c=35",
                "pressure_n=0 ambient_c=-10", "pressure_n=0 ambient_c=35");
        assertThat(SweepPoint.grid(List.of())).containsExactly(SweepPoint.NONE);
        assertThatThrownBy(() -> Sweep.parse("battery_soc=1.5")).hasMessage(
                "--sweep battery_soc=1.5: battery_soc must be 0..1, got 1.5");
        assertThatThrownBy(() -> Sweep.parse("motor_kv=")).isInstanceOf(CampaignProblem.class);
    }

    @Test
    void aRowReadsBackToTheSameNumbersBitForBit() {
        SessionRow r = new SessionRow(12, "thermal-runaway", "pressure_n=20 ambient_c=35", 77, "PPF-P", 80.1,
                4.0349999999999999, 13.999, 123.45, "OVER_TEMPERATURE+STALL", "FAULT", 910.0);
        SessionRow back = SessionRow.parse(r.csv());
        assertThat(back).isEqualTo(r);
        assertThat(back.passed()).isFalse();
        SessionRow none = new SessionRow(0, "s", "", 1, "PP", 30, 1, 15, Double.NaN, "", "FINISHED", 1);
        assertThat(SessionRow.parse(none.csv())).isEqualTo(none);
        assertThat(none.csv()).isEqualTo("0,s,,1,yes,PP,30.0,1.0,15.0,,,FINISHED,1.0");
    }

    @Test
    void percentilesAreNearestRankSoEachIsAValueASessionHad() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(CampaignSummary.pct(v, 50)).isEqualTo(5);
        assertThat(CampaignSummary.pct(v, 95)).isEqualTo(10);
        assertThat(CampaignSummary.pct(v, 5)).isEqualTo(1);
        assertThat(CampaignSummary.pct(new double[] {42}, 95)).isEqualTo(42);
    }
}
