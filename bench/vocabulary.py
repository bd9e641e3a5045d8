"""Fixed word lists for the benchmark's synthetic reports (real English, no network).

Sentences are assembled from these lists by :mod:`generate`; keep the word
"recommendation" out of them, so every cross-reference in the text is deliberate.
"""

from __future__ import annotations

#: (title, slug, department, topic nouns, facility) for each kind of review.
TOPICS = (
    ("Criteria for Entry of Children into Care", "children-in-care", "Children's Services",
     ("the threshold for entry into care", "the number of looked after children", "early help for families",
      "the use of family group conferences", "placement stability"), "family centre"),
    ("Home to School Transport", "school-transport", "Children's Services",
     ("the cost of transport for pupils with SEND", "route planning", "the number of single-occupancy taxis",
      "independent travel training", "the appeals process for parents"), "special school"),
    ("Highways Maintenance", "highways", "Economy and Infrastructure",
     ("the backlog of resurfacing work", "the time taken to repair potholes", "winter gritting routes",
      "claims for damage to vehicles", "the condition of footways"), "highways depot"),
    ("Flood Risk Management", "flood-risk", "Economy and Infrastructure",
     ("the maintenance of drainage gullies", "the flood warning service", "the number of properties at risk",
      "work with the Environment Agency", "funding for flood defences"), "pumping station"),
    ("The Future of Library Services", "libraries", "Communities",
     ("the number of library visits", "opening hours", "the use of volunteers", "the mobile library service",
      "digital lending"), "branch library"),
    ("Household Waste and Recycling", "waste-recycling", "Environment",
     ("the recycling rate", "missed bin collections", "the cost of landfill", "fly-tipping",
      "garden waste charges"), "recycling centre"),
    ("Reablement and Hospital Discharge", "reablement", "Adult Services",
     ("delayed transfers of care", "the capacity of home care providers", "the reablement service",
      "the number of people readmitted to hospital", "assessment for continuing care"), "community hospital"),
    ("Affordable Housing Delivery", "affordable-housing", "Housing",
     ("the number of affordable homes built", "the housing waiting list", "the use of temporary accommodation",
      "homes standing empty", "developer contributions"), "housing office"),
    ("Childhood Obesity", "childhood-obesity", "Public Health",
     ("the proportion of children who are overweight", "school meals", "access to sport and play",
      "the National Child Measurement Programme", "healthy eating advice for parents"), "leisure centre"),
    ("Emotional Wellbeing and Mental Health of Young People", "young-peoples-mental-health", "Public Health",
     ("waiting times for CAMHS", "support in schools", "the number of referrals to specialist services",
      "the transition to adult services", "self-harm among young people"), "youth centre"),
    ("Council Tax Support Scheme", "council-tax-support", "Finance",
     ("the number of households claiming support", "collection rates", "the hardship fund",
      "advice for residents in arrears", "the cost of the scheme"), "customer service centre"),
    ("Youth Services", "youth-services", "Communities",
     ("the number of youth clubs", "detached youth work", "funding for the voluntary sector",
      "the participation of young people", "the youth offer in rural areas"), "youth centre"),
)

GLOSSARY = (
    ("CAF", "Common Assessment Framework"),
    ("CAMHS", "Child and Adolescent Mental Health Services"),
    ("CQC", "Care Quality Commission"),
    ("DfE", "Department for Education"),
    ("EHCP", "Education, Health and Care Plan"),
    ("IRO", "Independent Reviewing Officer"),
    ("JSNA", "Joint Strategic Needs Assessment"),
    ("KPI", "Key Performance Indicator"),
    ("LAC", "Looked After Children"),
    ("LGA", "Local Government Association"),
    ("MASH", "Multi-Agency Safeguarding Hub"),
    ("NHS", "National Health Service"),
    ("ONS", "Office for National Statistics"),
    ("SEND", "Special Educational Needs and Disabilities"),
    ("VCS", "Voluntary and Community Sector"),
)

COMMITTEES = (
    ("childrens-scrutiny", "Children and Young People Overview and Scrutiny Panel", "Midshire County Council"),
    ("adults-scrutiny", "Adult Care and Well-being Overview and Scrutiny Panel", "Midshire County Council"),
    ("economy-scrutiny", "Economy and Environment Overview and Scrutiny Panel", "Midshire County Council"),
    ("corporate-scrutiny", "Corporate and Communities Scrutiny Committee", "Riverford Borough Council"),
)

PLACES = ("Bromsgrove", "Malvern", "Redditch", "Worcester", "Evesham", "Kidderminster", "Droitwich",
          "Pershore", "Tenbury Wells", "Upton upon Severn", "Stourport", "Bewdley")

FIRST_NAMES = ("Ada", "Alan", "Amira", "Ben", "Carol", "Dilip", "Elaine", "Fiona", "Gareth", "Hannah",
               "Imran", "Joan", "Kate", "Liam", "Margaret", "Nadia", "Owen", "Priya", "Rachel", "Sam",
               "Tom", "Una", "Victor", "Wendy", "Yusuf", "Zoe")
LAST_NAMES = ("Agar", "Baker", "Chandler", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal",
              "Jones", "Khan", "Lewis", "Morgan", "Nash", "Owen", "Patel", "Quinn", "Roberts", "Singh",
              "Taylor", "Usher", "Vaughan", "Walker", "Young")
JOB_TITLES = ("Director of {dept}", "Assistant Director {dept}", "Head of Service", "Service Manager",
              "Commissioning Manager", "Performance Manager", "Head of Finance")
BODIES = ("Diocese of Worcester", "Parent Governor representative", "Healthwatch", "Youth Council")

WHO = ("The Task Group", "Members", "The Panel", "Councillors", "The witnesses")
HEARD = ("heard that", "were told that", "noted that", "found that", "learned that",
         "were concerned to hear that", "were reassured that", "were surprised to learn that")
THINGS = ("the number of referrals", "the time taken to complete assessments", "the cost of external providers",
          "the turnover of front-line staff", "the quality of case records", "the use of agency staff",
          "the level of demand", "communication between agencies", "the information given to families",
          "the budget for the service", "the number of complaints", "spending per head of population")
PREDICATES = ("had risen steadily since {year0}", "varied widely between districts",
              "was not always recorded consistently", "depended on a small number of experienced staff",
              "compared well with similar councils", "had fallen by {pct} per cent in {n} years",
              "remained higher than the national average", "was improving, but from a low base",
              "was reviewed every month by senior managers", "had not been reviewed for several years",
              "was difficult to measure with the data available", "was expected to grow as the population ages")
TAILS = ("", "", " in {place}", " across the county", ", according to the service's own figures",
         " over the last three years", " during {year0}/{yy}")
FELT = ("felt", "believed", "concluded", "were clear", "agreed")
GOALS = ("involve families earlier", "share information between partners", "reduce the reliance on agency staff",
         "publish clear and simple guidance", "support staff with training and supervision",
         "plan services around local need", "make better use of the voluntary sector",
         "tell residents what to expect and when")
PEOPLE = ("families", "young people", "residents", "carers", "schools", "older people", "staff")
EFFECTS = ("had to repeat their story to several people", "waited longer than they should have",
           "were not sure who to contact", "received help only when problems had become serious",
           "felt that their views had been heard", "could plan with more confidence")
SOURCES = ("the Directorate", "the Department for Education", "the Office for National Statistics",
           "the service's performance team", "the Council's finance team", "partner agencies")
ROLES = ("worked in practice", "was funded", "was monitored", "fitted with other services", "shared its findings")
OFFICERS = ("officers", "the Director", "the Head of Service", "the service manager", "the Cabinet Member")

SENTENCES = (
    "{who} {heard} {thing} {pred}{tail}.",
    "In {place}, {thing} {pred}, and {who_l} {felt} that {thing2} {pred2}.",
    "{who} asked how the {abbr} {role}, and {officers} explained that {thing} {pred}.",
    "According to figures supplied by {source}, {thing} {pred}.",
    "{who} {felt} that more could be done to {goal}.",
    "This matters because {thing} {pred}{tail}.",
    "Several witnesses described how {thing} {pred}, which meant that {people} {effect}.",
    "We were told that, without {topic}, {people} {effect}.",
    "{who} {heard} {topic} {pred}{tail}.",
    "It is important that the Council continues to {goal}, so that {people} {effect2}.",
)
EFFECTS_GOOD = ("are helped before problems become serious", "know who to contact", "can plan with confidence",
                "are treated fairly wherever they live", "see the difference the Council makes")

FOREWORD = (
    "It has been a privilege to lead this review of {topic} on behalf of the {committee}.",
    "I would like to thank everyone who gave their time to the Task Group, and especially the {people} who told us about their own experience.",
    "Our findings are set out in this report, together with the steps we believe the Council should now take.",
    "We hope the Cabinet will accept them, and we look forward to following their progress over the coming year.",
)

REC_BODIES = ("The Directorate", "The Cabinet Member", "The Council", "The service", "Senior managers",
              "The Council and its partners")
REC_VERBS = ("review", "publish", "introduce", "strengthen", "report on", "set up", "agree", "monitor")
REC_OBJECTS = ("a clear statement of its thresholds", "a single point of contact for families",
               "quarterly performance reports to this Panel", "a training programme for front-line staff",
               "a protocol for sharing information with schools", "a costed plan for the next three years",
               "its use of agency staff", "the guidance given to residents")
REC_BY = ("", " by {month} {year}", " within six months", ", reporting back to this Panel within a year")

ACTIONS = ("Draft a revised policy and consult partners on it.", "Publish the guidance on the Council's website.",
           "Include the measure in the quarterly performance report.", "Train all front-line staff.",
           "Set up a working group with partner agencies.", "Review the budget as part of the medium term financial plan.",
           "Pilot the new approach in two districts.", "Agree a protocol with schools and health partners.",
           "Report progress to the Panel.")
RESPONSE_TEXT = {
    "accepted": ("The Cabinet welcomes this and will act on it.", "This is already part of the improvement plan."),
    "partially-accepted": ("The Cabinet agrees with the aim, but the cost of doing all of it cannot be met this year.",),
    "accepted-in-principle": ("The Cabinet agrees in principle, subject to the outcome of the budget setting process.",),
    "rejected": ("The Cabinet does not agree: the service already meets this need through existing arrangements.",
                 "The cost could not be justified at a time of reduced funding."),
    "noted": ("The Cabinet notes this and has asked officers to keep it under review.",),
}
UPDATE_NOTES = {
    "on-track": ("Work has started and is on schedule.", "A draft has been shared with partners for comment.",
                 "Staff training is under way."),
    "behind-schedule": ("Progress has been slower than planned.", "The pilot has been delayed by staff vacancies."),
    "not-started": ("Work will start once the new team is in place.",),
    "complete": ("The action is complete and has been reported to the Panel.",
                 "The pilot has finished and the new approach is now used across the county."),
}
REASONS = ("The lead officer left the Council and the post was vacant for three months.",
           "The work had to wait for the new case recording system.",
           "Partner agencies asked for more time to consult their boards.",
           "The budget was not agreed until the spring.")
EVENTS = ("Scoping meeting of the Task Group", "Evidence from the {title}", "Visit to a {facility} in {place}",
          "Meeting with parents and carers", "Evidence from the Cabinet Member", "Evidence from partner agencies",
          "Discussion of findings", "Agreement of the final report")
CLOSING = "The Task Group therefore makes Recommendation {number}."
