package app.dispatch.service.bench;

import java.util.Random;

/**
 * Varied news copy for the check bench: sentences from many templates about many subjects, filled with
 * people, places, organisations, days and numbers, so that a story of 2,000 words repeats almost no
 * sentence (the LanguageTool sentence cache cannot help) and carries what real copy carries: names the
 * dictionary does not know, quotes, figures, and now and then a typing mistake.
 */
final class NewsProse {
    private static final String[] TEMPLATES = {
        "The river rose overnight in {place} after {n} days of heavy rain in the mountains.",
        "Officials in {place} said at least {n} people had died and dozens were missing.",
        "Aid agencies warned that clean water was running short in the eastern districts of {place}.",
        "The minister visited the worst-hit villages near {place} on {day} and promised help.",
        "Farmers around {place} said the harvest had been lost and their animals had drowned.",
        "Roads into the valley were closed, and helicopters carried food to {n} stranded families.",
        "A spokesman for the provincial council, {person}, said the dams had held.",
        "Residents of {place} complained that warnings came too late for many of them to leave.",
        "Hospitals in {place} treated {n} people for injuries and infections.",
        "The weather service expects more rain in {place} later in the week.",
        "\"We lost everything in one night,\" said {person}, who runs a bakery in {place}.",
        "{person}, a teacher, said the school had been turned into a shelter for {n} families.",
        "The {org} said it had sent {n} tonnes of food and medicine by road on {day}.",
        "Police in {place} arrested {n} men on suspicion of looting shops after the flood.",
        "The prime minister told parliament on {day} that the government would rebuild every bridge.",
        "Opposition leaders in {place} accused the government of ignoring reports that the embankment was weak.",
        "Engineers from the {org} inspected the dam at {place} and found cracks in the spillway.",
        "Insurance companies estimate the damage at about {n} million dollars.",
        "Prices of rice and cooking oil in {place} have doubled since the storm, traders said.",
        "The central bank held its main interest rate at {n} per cent on {day}, as most economists had expected.",
        "Shares in the {org} fell by almost {n} per cent after the company cut its forecast.",
        "Unemployment in {place} rose for the third month in a row, to {n} thousand, its highest level since the pandemic.",
        "The finance minister, {person}, said the budget would be published before the end of the month.",
        "Talks between the two sides resumed in {place} on {day} after a break of {n} weeks.",
        "Negotiators in {place} said they were close to a deal on prisoner exchanges but not on borders.",
        "The United Nations envoy, {person}, urged both sides to let aid convoys through.",
        "Witnesses in {place} described hearing explosions near the airport shortly after midnight on {day}.",
        "The army said its soldiers had come under fire from a checkpoint outside {place}.",
        "A ceasefire agreed in {place} last month has been broken repeatedly, monitors said.",
        "The election commission said turnout had reached {n} per cent by early afternoon.",
        "Voters queued for hours outside polling stations in {place}, some in the rain.",
        "Counting began as soon as the polls closed, and first results are expected on {day}.",
        "{person}, the mayor of {place}, conceded defeat in a short speech to supporters.",
        "The court adjourned the trial until {day} after the defence asked for more time.",
        "Prosecutors say the former minister took bribes worth {n} thousand dollars from a builder.",
        "His lawyer, {person}, said her client denied every charge and would be cleared.",
        "The judge, {person}, ordered that the names of the witnesses must not be published.",
        "Scientists at the {org} said the new vaccine protected most volunteers in the trial.",
        "The study followed {n} patients in {place} for more than two years.",
        "Doctors in {place} warned that the number of measles cases among children was rising again.",
        "The health ministry said {n} new cases had been reported in the past week.",
        "The club confirmed on {day} that its coach, {person}, had signed a new contract.",
        "The striker scored twice in the second half as the home side won {n}-1.",
        "Fans in {place} celebrated late into the night after the team reached the final.",
        "The festival in {place} drew about {n} thousand visitors over the weekend, organisers said.",
        "The novel, her first in {n} years, tells the story of a family divided by war.",
        "Firefighters in {place} fought the blaze for {n} hours before bringing it under control.",
        "The fire started in a warehouse in {place} and spread quickly to {n} nearby homes, officials said.",
        "Investigators from the {org} believe an electrical fault may have caused the fire.",
        "The airline cancelled {n} flights from {place} because of the strike by air traffic controllers.",
        "Union leaders in {place} said the strike would continue until the company improved its pay offer.",
        "Passengers stranded at the airport in {place} slept on the floor of the terminal.",
        "The company said it would cut {n} jobs and close its factory in {place} next year.",
        "Workers at the plant in {place} learned of the closure from a message on their phones on {day}.",
        "The council voted on {day} to build {n} new homes on the site of the old railway yard.",
        "Campaigners say the plan will destroy one of the last green spaces in {place}.",
        "The bill passed by {n} votes to 212 after a debate that lasted into the early hours.",
        "Critics such as {person} say the law gives the police too much power to stop and search people.",
        "{person}, who chairs the committee, said the report would be published in full.",
        "The earthquake, with a magnitude of {n}.4, struck shortly before dawn near {place}.",
        "Rescue workers pulled a girl alive from the rubble of a hotel on {day}.",
        "Aftershocks continued through the night in {place}, and many people slept outside in the cold.",
        "The government declared a state of emergency in {n} provinces.",
        "Teachers in {place} walked out on {day} in a dispute over pay and class sizes.",
        "Parents in {place} said they had been given only a day's notice that {n} schools would shut.",
        "The ministry of education said exams in {place} would go ahead as planned on {day}.",
        "The ship, carrying {n} containers, ran aground in fog off the coast near {place}.",
        "Coastguards in {place} said there was no sign of fuel leaking from the hull.",
        "Tourism in {place} has not yet recovered to the level it reached before the pandemic.",
        "Hotel owners in {place} said bookings for the summer were down by a fifth.",
        "{person} said the ministry had recieved more than {n} complaints about the new fees.",
        "The goverment in {place} has promised an inquiry into the collapse of the bridge.",
        "The accident occured on a stretch of road near {place} that locals have long called dangerous.",
    };

    private static final String[] PEOPLE = {
        "Maria Okonkwo", "Zabihullah Karimi", "Ana Petrović", "Tomasz Wiśniewski", "Li Wei", "Fatima Al-Hassan",
        "Jean-Pierre Dubois", "Siobhan O'Reilly", "Kwame Mensah", "Ingrid Halvorsen", "Rahul Deshpande", "Elena Vasquez",
        "Yusuf Demirci", "Ngozi Adeyemi", "Pavel Novak", "Aroha Ngata", "Kenji Tanaka", "Olga Kravnik",
        "David Mitchell", "Sarah Thompson", "James Carter", "Nadia Boulos", "Mehmet Yilmaz", "Chloé Marchand",
    };

    private static final String[] PLACES = {
        "Karachi", "Mosul", "Dhaka", "Kharkiv", "Porto Alegre", "Mombasa", "Chittagong", "Quetta", "Zaporizhzhia",
        "Maiduguri", "Cebu", "Valparaíso", "Tbilisi", "Bristol", "Leeds", "Ohio", "Manchester", "Lagos", "Gdańsk",
        "Antalya", "Srinagar", "Hebron", "Kisumu", "Trondheim",
    };

    private static final String[] ORGS = {
        "Red Cross", "World Food Programme", "Acme Steel Group", "national grid operator", "World Health Organization",
        "Kestrel Pharmaceuticals", "regional water board", "Northern Rail Company", "Global Fund", "Medecins Sans Frontieres",
    };

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final Random rnd;
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    /** Sentences never repeat within one generator: every body it gives is text not seen before. */
    NewsProse(long seed) {
        this.rnd = new Random(seed);
    }

    /** Body HTML of about {@code words} words in paragraphs of two to five sentences, every sentence new. */
    String body(int words) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        while (count < words) {
            sb.append("<p>");
            int sentences = 2 + rnd.nextInt(4);
            for (int i = 0; i < sentences && count < words; i++) {
                String sentence = sentence(rnd);
                while (!seen.add(sentence)) {
                    sentence = sentence(rnd);
                }
                sb.append(i == 0 ? "" : " ").append(sentence);
                count += sentence.split("\\s+").length;
            }
            sb.append("</p>");
        }
        return sb.toString();
    }

    static String sentence(Random rnd) {
        String t = TEMPLATES[rnd.nextInt(TEMPLATES.length)];
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                out.append(t, i, t.length());
                break;
            }
            out.append(t, i, open);
            int close = t.indexOf('}', open);
            out.append(switch (t.substring(open + 1, close)) {
                case "person" -> PEOPLE[rnd.nextInt(PEOPLE.length)];
                case "place" -> PLACES[rnd.nextInt(PLACES.length)];
                case "org" -> ORGS[rnd.nextInt(ORGS.length)];
                case "day" -> DAYS[rnd.nextInt(DAYS.length)];
                case "n" -> Integer.toString(2 + rnd.nextInt(998));
                default -> throw new IllegalStateException(t);
            });
            i = close + 1;
        }
        return out.toString();
    }
}
