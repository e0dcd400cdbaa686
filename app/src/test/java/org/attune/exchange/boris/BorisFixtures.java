package org.attune.exchange.boris;

/**
 * BORIS projects written for these tests from the format's rules (shared/reference/interchange-formats.md
 * §1a; never a peer's file): an ethogram of a free-play study and observations that cover what a lab's
 * projects hold — point and state events, single and multiple-choice modifiers and a numeric one, comments
 * with commas, quotes, a line break and non-ASCII, two cameras with an offset, a state left without its
 * stop, an observation longer than an hour, the same video coded by two coders, and a live observation.
 */
public final class BorisFixtures {

    private BorisFixtures() {
    }

    public static final String ETHOGRAM = """
            "subjects_conf":{"0":{"key":"1","name":"child","description":""},"1":{"key":"2","name":"parent","description":""}},
            "behaviors_conf":{
             "0":{"type":"State event","key":"p","code":"play","description":"Child plays with toys","color":"","category":"engagement","modifiers":{},"excluded":"","coding map":""},
             "1":{"type":"State event","key":"c","code":"cry","description":"","color":"","category":"distress","modifiers":{},"excluded":"","coding map":""},
             "2":{"type":"Point event","key":"t","code":"touch","description":"Parent touches child","color":"","category":"contact",
                  "modifiers":{"0":{"name":"location","description":"","type":0,"values":["hand (h)","face (f)"]},
                               "1":{"name":"intensity","description":"","type":2,"values":[]}},"excluded":"","coding map":""},
             "3":{"type":"State event","key":"l","code":"look","description":"","color":"","category":"engagement",
                  "modifiers":{"0":{"name":"where","description":"","type":1,"values":["face","hands"]}},"excluded":"","coding map":""}
            },
            "behavioral_categories":["engagement","distress","contact"],
            """;

    /** Observation "S01 AL": two cameras (camera 2 1.25 s later), every kind of row; "S01 BK": the same video, another coder; a live one. */
    public static String project() {
        return "{\"time_format\":\"hh:mm:ss\",\"project_date\":\"2026-03-02T09:00:00\",\"project_name\":\"free play\",\"project_description\":\"\","
                + "\"project_format_version\":\"7.0\"," + ETHOGRAM + """
                "independent_variables":{"0":{"label":"wave","description":"","type":"numeric","default value":"","possible values":""}},
                "observations":{
                 "S01 AL":{"date":"2026-03-02T10:15:00","description":"free play, lab 2","type":"MEDIA",
                   "file":{"1":["videos/S01-cam1.mp4"],"2":["videos/S01-cam2.mp4"],"3":[],"4":[],"5":[],"6":[],"7":[],"8":[]},
                   "media_info":{"length":{"videos/S01-cam1.mp4":3720.0,"videos/S01-cam2.mp4":3718.5},"fps":{"videos/S01-cam1.mp4":25.0,"videos/S01-cam2.mp4":25.0},
                                 "hasVideo":{},"hasAudio":{},"offset":{"1":0.0,"2":1.25}},
                   "time offset":0.0,"independent_variables":{"wave":"2"},
                   "events":[
                    [1.0,"child","play","","",25],
                    [2.0,"parent","touch","hand|3","gentle, \\"soft\\"\\nthen firm — très doux",50],
                    [3.0,"child","look","face,hands","",75],
                    [4.5,"child","play","","",112],
                    [6.0,"child","look","face,hands","looked back",150],
                    [7.25,"parent","touch","face","",181],
                    [3700.5,"child","cry","","",92512]
                   ]},
                 "S01 BK":{"date":"2026-03-03T11:00:00","description":"","type":"MEDIA",
                   "file":{"1":["videos/S01-cam1.mp4"]},"media_info":{"offset":{"1":0.0}},
                   "events":[[1.04,"child","play","","",26],[4.4,"child","play","","",110],[2.08,"parent","touch","hand|","",52]]},
                 "home visit":{"date":"2026-03-04T09:00:00","description":"","type":"LIVE","file":{},"events":[[1772600000.0,"child","play","","",""]]}
                }}
                """;
    }
}
