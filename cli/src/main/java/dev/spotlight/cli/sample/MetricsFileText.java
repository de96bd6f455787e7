package dev.spotlight.cli.sample;

/** The text of the sample's {@code metrics/impact.yaml}: the portfolio's headline metrics in the metric language. */
final class MetricsFileText {

  static final String FILE = "metrics/impact.yaml";

  static final String TEXT = """
      # Headline metrics for the ShareLab Fund portfolio (see the project's README.md).
      version: 1
      metrics:
        participants:
          label: People taking part
          description: Distinct people with any activity in the period, across every grantee.
          type: count_distinct
          of: participant
          unit: people
        events:
          label: Activity recorded
          description: Every event the grantees' platforms recorded in the period.
          type: count
          unit: events
        items_shared:
          label: Items shared
          description: Loans completed through the lending app and the tool library.
          type: count
          where: event_type = 'share.completed'
          unit: items
        median_value_shared:
          label: Typical value of an item shared
          description: Median value of the items lent through the lending app.
          type: median
          of: amount
          where: event_type = 'share.completed'
          unit: GBP
        repairs_attempted:
          label: Items brought for repair
          description: Items brought to a repair café, whatever became of them.
          type: count
          where: event_type = 'repair.attempted'
          unit: items
        repairs_fixed:
          label: Items fixed
          description: Items that left a repair café working again.
          type: count
          where: event_type = 'repair.fixed'
          unit: items
        repair_success_rate:
          label: Repair success rate
          description: Share of the items brought to a repair café that left fixed.
          type: ratio
          numerator: repairs_fixed
          denominator: repairs_attempted
          unit: percent
          interval: wilson
        pledges:
          label: Crowd pledges
          description: Pledges made by members of the public to crowdfunded projects.
          type: count
          where: event_type = 'pledge.made'
          unit: pledges
        crowd_pledged:
          label: Pledged by the crowd
          description: Money pledged by members of the public.
          type: sum
          of: amount
          where: event_type = 'pledge.made'
          unit: GBP
        average_pledge:
          label: Average crowd pledge
          description: Mean amount of a pledge from a member of the public.
          type: avg
          of: amount
          where: event_type = 'pledge.made'
          unit: GBP
        smallest_pledge:
          label: Smallest crowd pledge
          description: The smallest pledge from a member of the public.
          type: min
          of: amount
          where: event_type = 'pledge.made'
          unit: GBP
        match_pledged:
          label: Matched by councils
          description: Money councils pledged to match the crowd.
          type: sum
          of: amount
          where: event_type = 'match.pledged'
          unit: GBP
        largest_match:
          label: Largest council match
          description: The largest single matching pledge from a council.
          type: max
          of: amount
          where: event_type = 'match.pledged'
          unit: GBP
        reports_made:
          label: Street problems reported
          description: Reports of potholes, fly-tipping, broken lights and other street problems.
          type: count
          where: event_type = 'report.created'
          unit: reports
        reports_fixed:
          label: Street problems fixed
          description: Reported street problems marked fixed in the period.
          type: count
          where: event_type = 'report.fixed'
          unit: reports
        outcomes:
          label: Outcomes evidenced
          description: Items reused or repaired and street problems fixed (events that evidence an outcome).
          type: count
          where: outcome is not null
          unit: outcomes
        programme_cost:
          label: Programme cost
          description: Grants, staff time, match funding and in-kind support, spread evenly by day.
          type: sum
          table: costs
          of: amount
          unit: GBP
        cost_per_participant:
          label: Cost per person taking part
          description: Programme cost divided by the people taking part.
          type: ratio
          numerator: programme_cost
          denominator: participants
          unit: GBP
        cost_per_outcome:
          label: Cost per outcome
          description: Programme cost divided by the outcomes evidenced.
          type: ratio
          numerator: programme_cost
          denominator: outcomes
          unit: GBP
        participants_per_1000:
          label: People taking part per 1,000 residents
          description: People taking part per 1,000 residents of the areas they live in.
          type: per_capita
          of: participants
          per: 1000
          unit: people
        deprived_reach_share:
          label: Share of people from the 30% most deprived areas
          description: People living in areas of deprivation deciles 1 to 3, of those whose area is known.
          type: ratio
          numerator: { metric: participants, where: deprivation_decile <= 3 }
          denominator: { metric: participants, where: deprivation_decile is not null }
          unit: percent
          interval: wilson
      """;

  private MetricsFileText() {}
}
