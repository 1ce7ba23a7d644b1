"""Remove the junk of scraped news pages: captions, credits, widgets, notices, bylines and headings.

Cleaning never rewrites text: it returns the character spans of a document worth keeping, so every
later sentence still points into the original text.
"""

from __future__ import annotations

import re
from collections import Counter

from .patterns import MONTHS, QUOTATION, WEEKDAYS, people_in_full
from .reflow import paragraph_spans
from .segment import GLUED_LABEL, LINE_BREAKS, split_sentences
from .tokens import word_frequency

# Lines or sentences that are page furniture, not reporting. Each rule is (trigger words, pattern): a
# pattern is tried only on a line holding one of its trigger words, which spares almost every line of
# prose the slow matching. Patterns match in any case unless listed in CASED_RULES.
RULES = [
    # photo captions and credits
    ("photo photos photograph photographs image images picture pictures pictured file caption captions credit "
     "credits illustration", r"^(photo|photograph|image|picture|pictured|file photo|caption|credit|illustration)s?\b.{0,80}[:/|]"),
    ("ap afp epa reuters getty", r"\((AP|AFP|EPA|Reuters|Getty Images?)( Photo)?(/[^)]*)?\)\s*$"),
    ("getty photo shutterstock istock wikimedia", r"\b(Getty Images|AP Photo|AFP Photo|Shutterstock|iStock|Wikimedia Commons)\b\s*\)?\s*$"),
    ("ap afp epa reuters getty shutterstock bloomberg", r"/\s*(AP|AFP|EPA|Reuters|Getty( Images)?|Shutterstock|Bloomberg)\s*$"),
    ("image", r"^image (copyright|caption)\b"),
    ("photo photograph image picture",
     r"^in (this|these|an?) ((undated|handout|file|recent) |((mon|tues|wednes|thurs|fri|satur|sun)day|"
     r"(jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{4}),? )*"
     r"(photo|photograph|image|picture)s?\b"),  # "In this Saturday, July 1, 2031, file photo, ..."
    ("photo image picture", r"^an? (handout|file|undated) (photo|image|picture)\b"),
    ("photo image picture", r"^this (undated )?(photo|image|picture)\b.{0,80}\b(provided|released|taken|shows)\b"),
    ("photo image picture sketch drawing rendering", r"^an? (photo|image|picture|sketch|drawing|rendering) (provided|released"
                                                     r"|obtained|distributed) by\b|^an? (sketch|drawing|rendering) (released|"
                                                     r"provided) (of|by)\b(?![^,;]*(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(is|was|shows|showed)\b)"),
    # a picture described with no verb: "A photo from the dig, with the foot bones below a tail."
    ("photo photograph picture image screenshot grab",
     r"^an? (photo|photograph|picture|image|screenshot|screen grab) (from|of) [^,.;]{1,100}, (with|showing|taken|seen)\b"),
    # agency captions end on the full date and place: "... in Newark, N.J., Monday, June 17, 2013."
    ("monday tuesday wednesday thursday friday saturday sunday",
     r"\b(mon|tues|wednes|thurs|fri|satur|sun)day,? (jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? "
     r"\d{1,2}, \d{4}(,? (in|at|near|after) ([^.]|(?<=\b[a-z])\.|(?<=\b[sfm]t)\.){0,80})?\.?(\s*\([^)]*\))*\s*$"),
    # captions that describe a picture: who stands where, what they are doing, and when it was taken
    ("hands poses pose pictured gestures gesture looks look waves wave seen arrives arrive walks walk speaks",
     r"\b(shakes? hands|poses?|pictured|gestures?|looks? on|waves?|(is|are) seen|arrives?|walks?|speaks?)\b.{0,200}"
     r"\b(jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, (19|20)\d\d\.?\s*$"),
    # an agency caption's last words: the place, then the full date ("... in Washington, U.S., February 16, 2017.")
    ("january february march april may june july august september october november december",
     r", (january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}, (19|20)\d\d\.?"
     r"(\s*\([^)]*\))*\s*$"),
    ("left right front center centre", r"\((far )?(left|right|front|center|centre)\)|\(second from (left|right)\)"),
    ("circled highlighted arrowed inset", r"\((circled|highlighted|arrowed|inset)\b[^)]{0,20}\)"),  # "An ant (circled in red) ..."
    ("image photo photograph picture", r"^in the (image|photo|photograph|picture)s?\b"),
    ("left", r"^(\w+ ){0,3}from left\b|\(from left\)"),
    ("photo picture image photograph",
     r"\bin this (\w+ )?(photo|picture|image|photograph) (taken|released|provided|made available)\b"),
    # "Mayor Ada Lind inspects the flooded quay in a photo released May 3, 2031."
    ("photo picture image photograph", r"^(?!.*\b(said|says|asked|told|according)\b).*\bin an? (\w+ )?(photo|picture|image|"
                                       r"photograph) (taken|released|provided|distributed)( on)? (jan|feb|march|april|may|"
                                       r"june|july|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}, (19|20)\d\d\.?\s*$"),
    ("shown pictured", r"\b(is|are) (shown|pictured) (here|above|below)\b|\b(is|are) shown\.$"),
    # a caption told as a sentence: "Ada Lind, shown when she was a ferry captain, runs the port."
    ("shown", r"^[^,]{3,60}, shown (here |above |below |left |right )?(when|while|in|at|during|on|with|speaking|outside|"
              r"inside|after|before)\b[^,]*,"),
    ("photographer contributing", r"^(photographer|contributing|contributors?)\s*:"),
    ("above below pictured", r"^(above|below|pictured)\s*:"),
    ("map", r"\bon this (?:[\w-]+ ){0,2}map\b"),  # "Dots on this interactive map mark ...": the page's map
    # a chart's or map's legend: "Colors show ...", "Pies show the probabilities ...", "Shaded areas mark ...", "Yellow
    # areas represent the fire's perimeter" (not "Rural areas represent 40% of the vote")
    ("show shows indicate indicates represent represents mark marks",
     r"^(the )?(colou?rs?|pies?|bars?|lines?|dots?|arrows?|circles?|insets?|numbers in brackets|(shaded|red|blue|green|"
     r"yellow|orange|purple|pink|grey|gray|black|dark|light|dotted|dashed) (areas?|regions?|zones?|lines?|dots?|arrows?|"
     r"circles?|bars?|shapes?)) (show|shows|indicate|indicates|represent|represents|mark|marks)\b"),
    ("jpg jpeg png gif webp", r"\b[\w-]+\.(jpe?g|png|gif|webp)\b"),
    # video widgets and media players
    ("source", r"\b\d{1,2}:\d{2}\s*-\s*Source:"),
    ("video watch listen", r"^(video|watch|listen)\s*[:|]"),
    # the page's own video or podcast, introduced: "In this one-on-one, the lawyer discusses ..."
    ("one exclusive episode podcast segment",
     r"^in (this|today's|the following) (exclusive (interview|video)|one-on-one|episode|podcast|segment), "
     r"[^,]{1,60}\b(discuss|talk|explain|describe|share|reveal|answer|speak)(e?s)?\b"),
    ("playing play next", r"^(now playing|play video|up next)\b"),
    ("click tap esc", r"\b(click|tap)\s*/\s*(tap|click)\b|\bpress esc\b"),  # "Click/tap here to close, or press ESC."
    ("playback", r"media playback is (unsupported|not supported)"),
    ("video", r"^(replay|autoplay|play)\b.*\bvideo\b"),
    ("autoplay code embed", r"\bautoplay\b|\bcopy this code\b|^(embed|skip)\b.{0,40}\b(embed|share)\b"),
    ("watched videos", r"^just watched\b|\bmore videos\b"),
    # loading, paywall, cookie and consent notices
    ("loading", r"^loading\b.{0,30}(please wait|\.\.\.|…)"),
    ("wait", r"\bplease wait\b.{0,20}$"),
    ("article story", r"to (read|continue reading) (the|this) (full )?(article|story)"),
    ("subscribe subscribers subscriber unlimited",
     r"\b(subscribe now|subscribe today|subscribers only|subscriber-only|for unlimited access)\b"),
    ("subscribe unlimited", r"\bsubscribe to (read|continue|keep reading)\b|\bunlimited digital access\b"),
    ("subscriber sign log account articles",
     r"\b(already a subscriber|sign in to|log in to|create (a free|an) account|free articles? (left|remaining))\b"),
    ("reached", r"\byou have reached (your|the) (limit|maximum)"),
    ("subscription subscriber reading",
     r"^a subscription is required(\W*$| to (continue|keep) reading\b)|^(please )?purchase a subscription\b|\bif you are a current [\w-]+ subscriber\b"
     r"|^thank you for reading\b"),
    ("cookies cookie privacy terms", r"\b(cookie policy|accept (all )?cookies|privacy policy|terms of (service|use)|uses cookies)\b"
                                     r"|^we value your privacy\b|^we (and our partners )?use cookies\b"),
    ("site website", r"\bby (continuing|using) (to use )?(this|our) (site|website)\b"),
    ("javascript", r"\benable javascript\b|\bjavascript is (disabled|required)\b"),
    # an error page's, a bot check's or a saved page's words instead of an article: "Try our search or go back to
    # the homepage.", "Checking your browser before accessing the site.", "Skip to main content"
    ("search homepage checking skip",
     r"^try (our|the) search\b|\bor go back to the home ?page\b"
     r"|^checking (if the site connection is secure|your browser before accessing)\b|^skip to (the )?(main )?(content|navigation)\b"),
    ("sign log", r"^(sign|log) ?(in|out|on|up)\W*$|^(shop or )?log ?in(to)? (to )?your account\b"),  # a page's account links
    # a shop's terms to its reader: "Your card will be charged $9.99 a month until you cancel.", "Cancel anytime."
    ("cancel charged", r"\buntil you cancel\b|\byour (credit |debit )?card will be charged\b|^cancel any ?time\b"),
    # a page's call to act: "Please sign up here.", "Donate today!", "Lund Ferry Office - Make an appointment here.",
    # "Premium content for only $0.99"
    ("here now today premium", r"^\W*(please )?(sign up|register|subscribe|donate|book|apply|order)( online)? (here|now|today)\W*$"
                               r"|^\W*([\w&'’. ]{1,40} [-–—|] )?make an appointment here\W*$"
                               r"|^\W*premium content for (only |just )?\$[\d.]+\b.{0,80}$"),
    # a wire page's market-data and syndication notices: "All quotes delayed a minimum of 15 minutes.", "Syndicated
    # by Vela Media; reproduced with permission."
    ("delayed", r"^(all )?(quotes|prices|market data) (are )?delayed (by )?(a minimum of |at least |up to )?\d+ min"),
    ("syndicated reproduced", r"^syndicated (by|from|through) [^,;.]{1,60}; reproduced\b"
                              r"|^((this|the) (article|story|column|piece) (is |was )?)?reproduced (here )?with (kind )?permission\W*$"),
    ("advertisement continues blocker adblocker", r"^advertisement\b|\bstory continues below\b|\bad ?blocker\b"),
    # a site's own promise to its reader: "LundNews.com will livestream the press conference."
    ("livestream stream", r"^[\w-]+\.(com|org|net|co\.uk|tv)( and [\w-]+\.(com|org|net|co\.uk|tv))? will (live ?stream|stream)\b"),
    # a pointer for the reader to a help page: "The harbour board has a website that can help."
    ("website site hotline help", r"\b(has|have) an? (web ?site|web page|hotline|helpline) (that|which) (can|will|may) help\W*$"),
    # related links, share and newsletter prompts
    ("related read more recommended see most trending",
     r"^(related( articles| stories| coverage| content)?|read more|more from [\w ]+|recommended( for you)?|see also"
     r"|most popular|trending( now)?)\s*([:|»›>-]|$)"),
    ("share tweet pin email print", r"\b(share (this|on)|share via|tweet this|pin it|email this|print this)\b"),
    ("hi hello hey dear", r"^(hi|hello|hey|dear)\b[^.!?,]{0,40},$"),  # an e-mail's salutation: "Hi Sam,"
    # a newsletter's greeting and what its issue holds: "Good evening, and welcome to your Monday briefing ...",
    # "Tonight: the museum raid ..., plus the weather"
    ("welcome", r"^(good (morning|afternoon|evening),? (and )?)?welcome to (your|the|our|this)\b[^.]{0,60}"
                r"\b(briefing|newsletter|edition|update|digest|roundup)\b"),
    ("tonight today issue", r"^(tonight|today|in this issue|in today's issue)\s*:\s"),
    ("morning afternoon evening", r"^good (morning|afternoon|evening),[^.!?,]{0,30}[.!]$"),  # "Good morning, islanders."
    ("know", r"^here(['’]s| is| are) (what|everything) (you|we) (need to |should )?know( today| now| so far)?\W*$"),
    ("newsletter newsletters alerts emails email briefing",
     r"\b(sign up|subscribe) (for|to) (our|the)\b.{0,40}\b(newsletter|alerts|emails?|briefing)\b"
     r"|^\W*sign up (here |now |today )?(for|to)\b.{0,60}\b(alerts|emails|newsletters?)\b"
     r"|^\W*get (the|our) .{0,60}\bnewsletter\b.{0,40}\W*$"),  # "Get the Daily Business newsletter every morning."
    ("newsletter", r"\bnewsletter\b.{0,40}\b(sign up|inbox|subscribe)\b"),
    ("twitter facebook instagram", r"\bfollow (us|him|her|me) on (twitter|facebook|instagram)\b"
                                   r"|\blike us on (facebook|instagram)\b|^on our (facebook|instagram) page\s*:"),
    ("follow", r"^follow @\w+|^follow [\w ]{1,40}@\w+|\bfollow @\w+\W*$"),
    ("click", r"\bclick (here|below|for more|to (see|read|watch|view))\b"
              r"|^click through (the|our|this) (slideshow|gallery|photos)\b"),
    # a writer's note: "Email Ada Lind or follow her @adalind."
    ("email", r"^email [\w .'’-]{2,40} or follow (him|her|them|us)( on twitter)? @\w+"),
    ("page navigation", r"\bfrom the navigation\b|\bat the (top|bottom) of this page\b"),
    ("keyboard", r"\bkeyboard shortcuts so (that )?you can\b|^(try|use) (these|our|the following) keyboard shortcuts\b"),
    ("tags tagged", r"^(tags|tagged( with)?)\s*:\s*[\w'-]+( [\w'-]+){0,3}(,\s*[\w'-]+( [\w'-]+){0,3}){3,}\W*$"),  # a post's tags: "Tags: ferry, pier, ..."
    ("twitter", r"\bpic\.twitter\.com/"),
    ("january february march april may june july august september october november december",
     r"\(@\w{1,15}\)\s*\w+ \d{1,2}, \d{4}\s*$"),
    ("notifications notification saving content inbox",
     r"\b(email|push|browser) notifications?\b|\bproblem saving your\b|\bposts? new content\b"
     r"|\b(delivered|updates) (straight |directly )?to your inbox\b"),
    ("subscribing sign", r"\bthank you for subscribing\b|^sign up (now|today)\b"),
    ("receive subscribe", r"\byou will now receive\b|^\W*subscribe\b"),
    ("skip", r"^skip (twitter|instagram|facebook|youtube) post\b"),
    ("conversation comments", r"\bjoin the conversation\b|\bposting comments\b|\bcomments below\b"),
    ("message", r"^\W*a message from\b"),
    ("assistance", r"^\W*with assistance from\b"),
    ("story article", r"\bthis (story|article) (was|has been) (last |originally |first )?(updated|published|amended|corrected|changed)\b"),
    ("add story interest", r"\bhave something to add to this story\b|^add as an interest\b|\bstay up to date with\b"),
    ("http https www", r"\bhttps?://|\bwww\.\w"),
    ("watch check see", r"^(watch|check out|see)\b(?!.*\b(said|says|told)\b).{0,120}\b(here|below|above|video|gallery|photos)\W*$"),
    ("see visit read head", r"^for more (about|on|information|details)\b.{0,80}\b(see|visit|read|go to|head (over )?to)\b"),
    ("check", r"^check (out|back)\b"),
    ("see watch read view find", r"^you can (see|watch|read|view)\b.{0,120}\bhere\W*$|^you can find more (details?|information|info)\b"),
    # a shop's and a sign-up page's widgets
    ("shipping ships", r"\bfree shipping on orders\b|^ships from and sold by\b"),
    # a page's thanks, and a fundraising page's appeal: "Thank you to everyone who donated", "Let's help the Lind
    # family ..." (not a paraphrase of what someone said: "Let's support the crews, Ada Lind said.")
    ("thank let", r"^(?!.*, [^,]*\b(said|says|told)\b)(thank you for (visiting|reading|watching|listening)\b|thank you\b[^,]{0,40}\b"
                  r"(who|for) (donated|donating|your donations?|contributed|contributing|your contributions?)\b"
                  r"|(please )?let['’]s (help|rally|support)\b)"),
    # a fundraising site's assurance: "HarbourFund has verified that the funds will go to the crew's families."
    ("verified", r"\bverified that the funds (raised )?will (go|reach)\b"),
    # an outlet's own collection, announced: "“Ferries in Winter” is the Lund Post's new compilation of articles."
    ("compilation collection", r"^[\"“][^\"“”]{3,80}[\"”] is [\w .'’&-]{2,40}['’]s (new |latest |free )?"
                               r"(compilation|collection) of (articles|essays|stories|columns|reports)\b"),
    # a visitor's review on the page: "Would definitely recommend her to anyone.", "Highly recommend this tour!"
    ("recommend", r"^(i |we )?(would )?(highly |definitely )?recommend (him|her|them|it|this (place|tour|guide|hotel|"
                  r"restaurant|trip))\b[^,]{0,40}$"),
    # a police log's disclaimer: "This log is not a comprehensive record of the harbour police's calls."
    ("comprehensive", r"^(this|the) (report|log|list|blotter) (is|does) not (a comprehensive|an exhaustive|include every)\b"),
    # a review's and a police log's data lines: "Running time: 2 hours.", "4500 block of Elm Street."
    ("running runtime block", r"^(running time|runtime|run time)\s*:|^\d+ block of [\w .'-]+\W*$"),
    ("listening audible loading activate",
     r"\byou['’]re listening to a sample\b|\baudible audio edition\b|\bthere['’]s a problem loading this\b"
     r"|\bclick on the link to activate\b"),
    # calls to action: "Download the app ...", "Donate to a fund ...", "Watch NBC 7 News at 4 p.m. ..."
    ("donate download subscribe find learn read get",
     r"^(donate|download|subscribe|find out more|learn more|read on|get the latest)\b"),
    ("visit", r"^visit\b.{0,100}\b(website|site|page|section|for more|to learn more)\b"),
    ("watch call contact", r"^(watch|call|contact)\b(?! (of|tracing|tracers|with)\b).{0,80}(\bat \d{1,2}(:\d\d)? ?[ap]\.?m\b"
                           r"|\d{3}[-. ]\d{4}|\bfor (more )?(updates|information)\b|@\w)"),
    # a number to call, after a request: "Patients ... should call the island surgery on 01632 960 221." (a sentence
    # that opens on "Call ..." is the rule above's)
    ("call contact phone ring", r"\b(should|can|may|must|please|(asked|urged|encouraged) to) (call|contact|phone|ring)\b.{0,60}"
                                r"\b(on|at) (\+\d[\d ()-]{6,}\d|\(?0\d{2,4}\)?[ -]?\d{3}[ -]?\d{3,4}|\(\d{3}\) ?\d{3}-\d{4}|"
                                r"\d{3}[-.]\d{3}[-.]\d{4})\b"),
    # pointers to what the page shows next: "(see diagram below)", "Here's a rundown of ...", "the following groups:"
    ("below", r"\b(see|watch|read|the|this|these) (full )?(statement|video|photos?|tweets?|post|clip|map|chart|letter|"
              r"list|gallery|interview) below\b"
              r"|\b(see|seen|shown|noted|listed|pictured|embedded|watch|play|read|listen|hear)\b[^.]{0,40}\bbelow"
              r"(?=\s*([.,:;()]|$))|^(listed |shown |pictured )?below(,| is\b| are\b)"
              r"|^please\b[^.]{0,60}\b(below|above)\W*$"),  # "Please choose one of the options below."
    ("here", r"^here(?:'s|’s| is| are) (?:a |an |the |some )?(?:rundown|sampling|list|look|breakdown|roundup|timeline|recap"
             r"|selection|glimpse|sample)\b"),
    ("following", r"\bthe following( [\w-]+){0,2}\s*:\s*$|\bin the following (areas|ways|places|states|countries|cities|groups"
                  r"|categories)\b"),
    ("issue newsstands", r"\bpick up (this|the|next) week'?s issue\b|\bon newsstands (now|\w+day)\b"),
    ("inbox subscribe login", r"^sign up for\b.{0,80}\binbox\b|\bto subscribe, or (log ?in|sign in)\b"),
    ("archive", r"\barchive-it\b"),
    ("accessible seed", r"\b(currently|are) not publicly accessible\b|\bthe seed list\b"),
    ("signed sign registration unsubscribe",
     r"\bsuccessfully signed up\b|^sign up and get\b|\bregistration information\b|\byou (can|may) unsubscribe\b"),
    ("digital zip", r"\b(sign up|subscribe) for digital access\b|\bre-?enter (your )?zip code\b"),
    ("warning", r"^warning\s*:.{0,60}\b(footage|clip|video|images?|content|language|scenes)\b"),
    ("tap", r"\b(click ?/ ?tap|tap) here\b"),
    ("download", r"\bdownload (a|the|your) (free )?(copy|pdf|report|booklet|guide|e-?book)\b.{0,40}\bhere\b"),
    ("questions", r"^[^\"“”]*\btake your questions\b"),  # not in a quotation
    ("voted scientific", r"\breaders have voted\b|\bnot a scientific (poll|survey)\b"),  # a reader poll's notes
    ("table figure fig chart graph", r"^(see )?(table|figure|fig\.|chart|graph) \d+\b|\(see (table|figure|fig\.) \d+\)"),
    ("columnist contributor writer journalist",  # a columnist's note on themselves
     r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) an? (?:[\w-]+ ){0,5}(?:columnist|contributor|contributing (?:writer|editor)|"
     r"freelance (?:writer|journalist))\b"),
    ("reached", r"\breached out to\b.{0,80}\bfor (a )?comment\b"),  # the outlet's own note
    # and its note that no one answered: "Ada Lind did not respond to a request for comment."
    ("respond return reply reached",
     r"^[^,;\"“”]{0,60}\b(did not|didn['’]t|has not|have not|could not) (immediately )?(respond|return|reply|be reached)\b"
     r"[^,;\"“”]{0,60}\bcomment\b[^,;\"“”]*$"),
    # and that someone would not speak: "The ferry company declined to comment.", "Ada Lind did not return calls."
    ("comment commented",
     r"^(?!.*\bbut\b)[^;\"“”]{0,80}\b(declined|declines|refused|refuses|would not|wouldn['’]t|will not|could not) "
     r"(to )?comment\b[^;\"“”]{0,80}$|^(?!.*\bbut\b)[^;\"“”]{0,80}\b(has|have|had) not (yet )?commented\b[^;\"“”]{0,80}$"),
    ("return", r"^(?!.*\bbut\b)[^;\"“”]{0,80}\b(did not|didn['’]t) (immediately )?return (an? |the )?(phone |telephone )?"
               r"(calls?|messages?|e-?mails?|requests?)\b[^;\"“”]{0,80}$"),
    ("follow", r"\bfollow @\w+ on (twitter|instagram)\b"),
    ("feature", r"^this feature is( currently| temporarily)? (not |un)available\b"),
    # a video player's notices
    ("rented transcript video", r"\bavailable when the video has been rented\b|\binteractive transcript could not be loaded\b"
     r"|^this video (is|has been) (unavailable|no longer available|removed)\b"),
    # a broadcaster's and a club's promotions: "Follow every kick of the final with Harbour FM", "Listen to Harbour FM
    # News on the hour", "Commentary from ... on 97.4 FM", "Harbour FM Sport is sponsored by ...", "Text us on 81974"
    ("follow", r"^follow (every|all the) (kick|ball|lap|moment|minute|goal|twist|update)s?\b|^follow (our |the )?live "
               r"(coverage|updates|blog|text)\b"),
    ("listen commentary", r"^listen (live |again )?(to|on)\b.{0,120}\b(fm|dab|podcast|app|on the hour)\b"
                          r"|^(live )?commentary from [^.]{0,80}\bon \d{2,3}(\.\d)? ?(fm|am)\b"),
    ("sponsored", r"^[\w'’&. -]{0,50}\b(sport|news|coverage|weather|show|programme|program|podcast|bulletin|updates?|"
                  r"section|page) (is|are) (proudly )?sponsored by [^.!?]{1,100}[.!]?$"),
    # "This guide was made possible in part through the support of ..." (not "The rescue was made possible by ...", nor
    # "This project was made possible by a grant from ..., the mayor said.")
    ("possible", r"^this (booklet|guide|report|page|site|series|project|program|programme|content|coverage|story|article|"
                 r"publication|podcast|episode) (was|is|has been) made possible (in part )?(through|by|with) (the )?"
                 r"(generous |financial )*(support|funding|sponsorship)\b(?![^\"“”]*\b(said|says|told)\b)"),
    ("download app alerts", r"^download (the|our) [\w'’ -]{1,40} app\b|^get (instant|the latest) [\w -]{0,30}alerts\b"),
    ("text texts", r"^text us\b|\btexts? cost (your )?standard network rate\b"),
    # a press release's and an interview's notes: "For media enquiries ...", "High-resolution photos are available on
    # request", "This Q&A was lightly edited for length", a match's officials and crowd
    ("media press", r"^for (media|press) (enquiries|inquiries)\b|^(media|press) (contacts?|enquiries|inquiries)\s*:"),
    ("request", r"^([\w-]+ ){0,2}(photos|images|pictures|photographs|footage|interviews)( of( [\w'-]+){1,4})?( and [\w-]+"
                r"( [\w-]+)?)? ((is|are) )?available (on|upon) request\W*$"),  # "Photographs and drone footage are ..."
    ("edited condensed", r"^(this|the) (interview|conversation|transcript|q&a|exchange) (has been|was|have been) (lightly )?"
                         r"(edited (and condensed )?for (length|clarity|brevity)|edited and condensed|condensed)\b"),
    ("next coming", r"^(traffic|weather|travel|sport|sports|the news|news|headlines)( and (traffic|weather|travel|sport|"
                    r"sports|the news|news))? ((is|are) )?(next|coming up)(,? after (this|the break))?\W*$"),  # a programme's
    ("referee att", r"^referee\s*:|\batt(endance)?\s*:\s*[\d,]+\W*$"),
    # a corrections column: "An article on 8 May ("...") said ...", "Our report on the regatta said ...", "We apologise
    # for the error", "If you believe we have published something inaccurate ..."
    ("article report story caption headline obituary review item",
     r"^(an?|our) (article|report|story|headline|obituary|review|item) (on|of|dated|published on) "
     r"(\d{1,2}(st|nd|rd|th)? [a-z]+|[a-z]+\.? \d{1,2}),? \([\"“‘'][^.]{0,160}\b(said|stated|gave|described)\b"
     r"|^an? (photo )?caption (on|of|dated|published on) (\d{1,2}(st|nd|rd|th)? [a-z]+|[a-z]+\.? \d{1,2})\b[^.]{0,120}"
     r"\b(named|misnamed|misidentified|said)\b|^our (article|report|story|obituary|review|caption) (on|about|of)\b[^.]{0,120}"
     r"\b(said|stated|gave|misspelled|misnamed)\b"),
    ("correction corrections clarification clarifications", r"^(correction|clarification)s?\s*:"),  # "Correction: ..."
    ("version", r"^(an|the) (earlier|previous|original) version of this (article|story|report|post) ((incorrectly|wrongly|"
                r"erroneously) )?(said|stated|gave|misstated|misidentified|misspelled|misnamed|misattributed|referred)\b"),
    ("apologise apologize inaccurate", r"^we apologi[sz]e for (the|this|these|any|our) (errors?|mistakes?|inaccurac(y|ies))\b"
                                       r"|^if you (believe|think) we have published (something|anything) (inaccurate|incorrect)"),
    ("category", r"^categor(y|ies)\s*:"),  # a shop's or blog's labels
    # an event's box of facts: "Opening hours: Tuesday to Sunday, 10 a.m. to 5 p.m.", "Admission: free"
    ("opening admission tickets entry venue address", r"^(opening (hours|times)|admission|tickets|entry|venue|address)\s*:"
                                                      r"(?=.{0,100}$)"),
    # a live page's promises: "We'll bring you more as we get it.", "Stay with us.", "This story is developing ...",
    # "This is a breaking story, ..."
    ("bring stay follow developing breaking", r"^(?![^\"“”]*\b(said|says|told|wrote|promised)\b)(?:(we['’]ll|we will) "
                                              r"bring you more (as|when|on|from|updates)\b|stay with us\b(?!,)|more to follow"
                                              r"[.!…]*$|this (is a (developing|breaking)( news)? story|(story|article|page) is "
                                              r"developing|(breaking|developing)( news)? story (will be|is being) updated)\b)"),
    # a fundraising page's appeals: "All donations are very appreciated.", "Please contact her sister for any info."
    ("donations contact information", r"^(?![^\"“”]*\b(said|says|told)\b)(all |any )?donations (are|will be) (very |greatly |"
                                      r"much |truly |so |gratefully )?(appreciated|accepted)\b|^please contact\b.{0,60}\bfor "
                                      r"(any|more) (info|information|details|updates)\b|^please contact us\b"
                                      r"|^for more information,? (please )?contact\b"),
    ("sold", r"^[\w'’ -]{0,40}\b(is|are) sold out for (today|tonight)\.?$"),  # a venue's: "The show is sold out for today."
    # a radio transcript's notices
    ("rush final authoritative", r"\btranscripts? (are|is) (created|produced) on a rush deadline\b|^(this|the|our) (text|transcript) "
                                 r"(may|might) not be (in its )?final( form)?\b(?!,)|\bthe authoritative record of [\w'’ ]{1,40} "
                                 r"programming is\b"),
    ("again", r"^please try again later\W*$"),
    ("read", r"[►▶»]\s*read more\b"),
    ("more", r"^more about [^.]*,[^.]*,"),
    ("rights copyright ©", r"\b(all rights reserved|copyright ©|© \d{4})"),
    ("material", r"\bthis material may not be (published|broadcast|rewritten)"),
    # embeds, web-archive and error pages, contact lines
    ("location tweets tweet", r"\badd location information to your tweets\b|\bwhen you tweet with a location\b"
     r"|\bdelete your (tweet )?location history\b"),
    ("requested found looking", r"\bthe page you (requested|are looking for|were looking for) (could not|cannot|can't|can’t)"
     r" be found\b|\bif you are looking for an older (news )?(story|article)\b"),
    ("keep", r"^keep up with (the best of|the latest from|all the latest)\b"),
    ("posted shared", r"\ban? (photo|video|post) (posted|shared) by\b.{0,80}\(@\w+\) on \w+\.? \d{1,2}, \d{4}"),
    ("image photo picture", r"^(image|photo|picture) (from|courtesy of|via)\b(?!.*\b(shows?|showed|is|was|are|were)\b)"),
    ("note", r"^(editor'?s |editors’ |editor’s )?note\s*:"),
    ("crawls archive", r"\bcrawls are part of an effort to archive\b"),
    ("crawl warc wayback", r"\bcrawl data\b|\bthis crawl was run\b|\b(files|captures|pages) (associated with|from) this crawl\b"
     r"|\bwarc files?\b|\b(added to|available in|available on) the wayback machine\b"),
    ("crawl crawler seedlist outlinks", r"^web wide crawl\b|\bcrawler configuration\b|\bseedlist\b|^crawl (start|end) date\b"
                                        r"|^crawl of outlinks\b"),
    # a review's box of facts: "In French with English subtitles.", "Rated R for language.", "Running time: 2 hours."
    ("subtitles rated running", r"^(in [\w ,]+ )?with english subtitles\W*$|^rated (g|pg|pg-13|r|nc-17) for\b"
                                r"|^running time\s*:"),
    ("verification spam junk", r"\b(do|did)(n['’]t| not) receive the verification (email|e-mail|message)\b"
                               r"|\bwe have sent you a verification (email|e-mail)\b|\bcheck your (spam|junk) (folder|mail)\b"),
    ("live", r"\blive on (periscope|facebook|youtube|instagram|twitch) (\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
             r"|[a-z]{3}\.? \d{1,2},? \d{4})\.?$"),  # a stream's title: "Ada Lind Live on Periscope 12-29-2016."
    ("reviews reviewed business recommendation owners products experience",
     r"\bthere are no customer reviews yet\b|\bnot eligible to be reviewed\b|^had a good experience with (this business|us)\?"
     r"|^leaving your recommendation\b|^know and like the owners\b|^just a fan of their products\b"),
    ("dns address", r"\b(ip address for this domain|check your dns settings)\b"),
    ("breaking", r"\bbreaking news (emails|alerts)\b"),
    ("robot", r"\bverify (that )?you('| a)re not a robot\b"),
    # a web form's messages, a blog's filing line and its disclaimers (a page's words of itself, not a report's)
    ("please request submission order",
     r"^\W*please (re-?enter\b.{0,40}|try again( later| in a few (minutes|moments)| shortly)?)\W*$"
     r"|^\W*((oops|sorry)\W*|we['’]re sorry,? )?there was (a|an) (problem|error) (processing|with) your "
     r"(request|submission|order)\W*$"),
    ("filed trackback trackbacks", r"^filed under\s*:|\bcomments?\s*/\s*trackbacks?\b"),
    ("views", r"^(?!.*\b(said|says|told|added|according)\b)the views expressed (in|on) (this|these|the) (column|post|"
              r"article|blog|site|comments?|piece|op-ed)\b|^(?!.*\b(said|says|told|added|according)\b)the views "
              r"expressed by (this|the) (author|writer|contributors?|commenters?|bloggers?)\b"),
    ("reflect", r"^(?!.*\b(said|says|told|added|according)\b)(they|these comments) do not (necessarily )?reflect "
                r"the (views?|opinions?) of the ([\w-]+ ){0,4}(author|site|website|blog|publisher|editors?)\b"),
    ("com org net uk edu gov", r"\b[\w.+-]+@[\w-]+\.(com|org|net|edu|gov|co\.uk|ac\.uk|org\.uk)\b"),
    ("contributed reporting editing writing", r"\b(contributed to this report|reporting by|editing by|writing by)\b"),
    # time stamps and staff labels
    ("updated published posted", r"^(?=.{0,70}$)(updated|published|posted|last updated|first published)\b\s*:?\s*(on )?(\w+\.? \d|\d)"),
    ("staff reporter correspondent writer", r"\b(staff writer|staff reporter|correspondent|contributing writer)\s*$"),
]
# Rules that only hold in their written case: agency credits and bylines.
CASED_RULES = [
    # who is where in a photo: "Kim Jong Un (L) and Donald Trump (R) shake hands"
    ("l r c", r"\((L|R|C|L-R|R-L)\)"),
    ("reuters afp ap epa getty shutterstock bloomberg xinhua", r"\b(REUTERS|AFP|AP|EPA|Getty|Shutterstock|Bloomberg|Xinhua)/[A-Z]"),
    ("photo photograph image picture photos images pictures", r"\b([Pp]hoto(graph)?|[Ii]mage|[Pp]icture)s?( [Cc]redit)?\s*:\s*[A-Z]"),
    ("file", r"^FILE\s*[-–—:]\s|\bin a file photo\b"),
    ("graphic", r"^Graphic (shows|locates|illustrates)\b"),  # an agency's graphic
    ("more related read see raw", r"^(MORE|RELATED|READ MORE|SEE ALSO|Raw):\s"),  # a related link, a raw video's title
    ("getty afp ap reuters epa", r"^[A-Z][\w.'-]+( [A-Z][\w.'-]+)* ?/ ?(Getty|AFP|AP|Reuters|EPA)\b(?=\s+[A-Z]|\s*$)"),  # a credit first
    ("close related", r"^(CLOSE|Related) (?=[A-Z])"),  # a video player's close button, a related link
    # a headline that quotes its subject: "Lind on the Pier: 'It Will Stand Another Century!'"
    ("on", r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} on (?:the )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: "
           r"['\"‘“].{1,80}['\"’”]\W*$"),
    # a picture's label or share buttons before its caption: "Caption The ferry ...", "Facebook Twitter Pinterest The pier ..."
    ("caption facebook twitter pinterest", r"^(Caption|Facebook|Twitter|Pinterest)( (Facebook|Twitter|Pinterest|Email))* "
                                           r"(The|A|An|This|These|In|On|At) [a-z]"),
    # a broadcast's handover to its reporter: "..., as Ada Lind reports from Lund." (not "as the latest reports from")
    ("reports", r", as (?:our (?:correspondent|reporter) )?[A-Z][\w.'’-]+ [A-Z][\w.'’-]+ reports from [A-Z][\w .,'’-]{0,40}\.?$"),
    ("link", r"^Link [A-Z][^.:,]{0,60}: [A-Z]"),  # a share bar's link button before a caption: "Link Sorry: The couple ..."
    # a writer's byline, alone: "Ada Lind is a Harbour Post staff writer.", "Ole Vik is the lead crime reporter." (not
    # "Ada Lind is a former reporter for the Post.", "Ole Vik is the executive producer of the series.")
    ("reporter writer correspondent columnist editor",
     r"^[A-Z][\w'’-]+ (?:[A-Z]\. )?[A-Z][\w'’-]+ is (?:a|an|the) (?!former )(?:[\w-]+ ){0,3}(?:reporter|writer|correspondent|"
     r"columnist|editor)(?: (?:for|at|with) [^.]{1,60})?\.?$"),
    # where and when, alone: a transcript's or a release's head, "Lund City Hall, Council Chamber, Tuesday, March 3, 2031, 4:00 p.m."
    ("january february march april may june july august september october november december",
     r"^(?:[A-Z][\w.'’&-]*(?: (?:of |de )?[A-Z][\w.'’&-]*)*, )+(?:January|February|March|April|May|June|July|August|"
     r"September|October|November|December) \d{1,2}, \d{4}(?:,? (?:at )?\d{1,2}(?::\d\d)? ?(?:a\.m\.|p\.m\.|am|pm|[AP]M))?\.?$"),
    # a gallery's buttons and credit before its caption: "Enlarge Image Close Getty Images Ada Lind celebrated ..."
    ("enlarge close getty", r"^(Enlarge Image\s+Close|Enlarge Image|Close)\s+Getty Images\s+[A-Z]|^Enlarge Image Close\b"),
    # who stands where: "Harbour master Ada Lind, left, and fire chief Rune Berg"
    ("left right center centre", r"\b[A-Z][a-z]+, (left|right|center|centre|second (from )?(left|right)), "),
    # a caption naming who is pictured where: "Ada Brenner at a rally on Feb. 1."
    ("at during outside inside near", r"^(?=(\S+ ){1,9}\S+$)[A-Z][a-z]+ [A-Z][a-z]+ (at|during|outside|inside|near) [^,;]+\.$"),
    # a related-links widget glued into a lead after a name: "Ole Vik Ole Kristian VikHeadline ... MORE said ..."
    ("more", r"^(?=.*[a-z][A-Z]).*(?<=[a-z0-9?!'’]) MORE (?:\([A-Z]-|(?:[a-z]+ed|said|says|has|had|is|was|will|would|told|wrote|tweeted)\b)"),
    # a caption: who (by name) does what in the present tense, where and when: "Mayor Ada Lind listens to a question
    # at the council in Vestmark, Norway, on March 3, 2019." (not "Ada Lind addresses parliament on Tuesday.")
    ("listens speaks gestures waves arrives attends poses smiles walks talks stands holds delivers addresses reacts greets "
     "takes looks", r"^(?:[\w.'’-]+ ){0,6}[A-Z][\w.'’-]+ [A-Z][\w.'’-]+ (?:listens|speaks|gestures|waves|arrives|attends"
     r"|poses|smiles|walks|talks|stands|holds|delivers|addresses|reacts|greets|takes part|looks on)\b[^\"“”]*"
     r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"
     r"|in [A-Z][\w .'-]*, [A-Z][\w .'-]*,? on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\.$"),
    ("by", r"^By( [A-Z][\w.'-]*){1,4}( and( [A-Z][\w.'-]*){1,4})?(,[^.]{0,40})?$"),
    ("starring", r"^Starring [A-Z][\w.'’-]*( [A-Z][\w.'’-]*)*((,| and|, and) [A-Z][\w.'’-]*( [A-Z][\w.'’-]*)*)*\.?$"),  # a cast
    ("reported", r"^(?!The )[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3} reported from [A-Z][\w.'’-]*(,? [A-Z][\w.'’-]*){0,4}\.$"),
    # a video's blurb: who visits a show to talk, or discusses their own story on a channel or with its host ("Actor
    # Ole Vik visits LTV to talk about his new film.", "Ada Lind discusses her rescue on the Harbour channel.", "LTV's
    # Ada Lind discusses with Ole Vik."; not a headline's "Mayor discusses ferry deal with Vik in phone call")
    ("discusses visits",
     r"^(?:[A-Z][\w.'’-]+ ){0,3}(?:[a-z]+ ){0,2}(?:[A-Z][\w.'’-]+ ){1,3}(?:visits [A-Z]{2,}[\w ]{0,20} to (?:talk|discuss)\b"
     r"|discusses (?:his|her|their) [^.;]{0,60}\bon (?:the )?[A-Z][^.;]{0,60}\b(?:channel|show|program|programme|podcast)\b"
     r"|discusses with [A-Z][\w.'’-]+ [A-Z][\w.'’-]+\.$)"),
    # a caption, its credit after a bar, then the headline: "Sen. Ada Lind speaks. | Ole Vik/AP Photo Lind wins ..."
    ("ap afp epa reuters getty", r"[.!?\"”] \| (?:(?:[A-Z][\w.'’-]+ ){1,3}?[A-Z][\w.'’-]+/)?(?:Getty Images|AP Photo|AFP|EPA|"
                                 r"Reuters|Getty|AP)\b(?! [a-z])"),
]
# A transcript's speaker label ("TRUMP:", "PRESIDENT DONALD TRUMP:", "Ada Brenner:", a reporter's or host's with
# their outlet: "REPORTER (LUND POST):", not an agency's dateline: "KARACHI (APP):"): at the start of a line it may as
# well be a dateline ("NEW DELHI:"), so only a document with TRANSCRIPT_LABELS such lines is a transcript.
SPEAKER_LABEL = re.compile(r"[A-Z][A-Z.'-]+( [A-Z][A-Z.'-]+){0,3}(?:, [A-Z0-9][A-Z0-9.'&-]*(?:,? [A-Z0-9][A-Z0-9.'&-]*){0,7})?"
                           r"(?: \([a-z][^()\n]{0,39}\))?:\s|[A-Z][a-z]+( [A-Z][a-z'-]+){1,2}:\s"  # "HARTE (voice-over): ",
                           # not an agency's dateline: "LAHORE (APP): "
                           r"|(?:REPORTER|CORRESPONDENT|PRESENTER|HOST|ANCHOR|QUESTION) \([^()\n]{1,40}\):\s")
LABEL_INSIDE = re.compile(r"\S\s+([—–-]\s+)?[A-Z][A-Z.'-]+( [A-Z][A-Z.'-]+){0,3}:\s")
TRANSCRIPT_LABELS = 3
# An interview's label by surname alone ("Vik: Most stolen books reappear."): one when it labels TRANSCRIPT_LABELS
# lines and the text names that person in full ("Lena Vik"); not before a quotation, which it attributes
# ('Lind: "The pier is older than the ferry."').
RARE_WORD = 1e-5  # a word this rare in general English, labelling an interview's lines, is a surname
SURNAME_LABEL = re.compile(r"([A-Z][a-z]+):\s(?!\s*[\"“‘'])")
BREADCRUMB = re.compile(r"(\s[>›»]\s[^>›»]+){2}")  # "National Defense > Blog > Posts > ..."
# A printed page's note under its text: "2 Inspection of the Lund pier, Lund Harbour Board, 2029." (a number, then a
# source that ends on its year), and its foot: "www.lundpost.example/print    Page 2"
PRINTED_NOTE = re.compile(r"\d{1,2} [A-Z](?![^,]*\b(?:is|are|was|were|has|have|had|will|would|said|says)\b)[^.!?]{5,150}, "
                          r"(?:[a-z]+ )?(?:\d{1,2} [A-Z][a-z]+ |[A-Z][a-z]+ \d{1,2}, )?(?:19|20)\d\d\.?"
                          r"|(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?\s+Page \d{1,3}")
# A blurb's or a byline's name after a dash: '... every woman's reading list."—Ada Lind', "— Ole Vik" on its own line
SIGNED = re.compile(r"(?:[\"”]|^)\s*[—–]\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}\s*$")
# A picture's credit in brackets ending a caption: a photographer or source and an outlet, "( Ada Lind / LUND DAILY )",
# "(Ole Vik/The Harbour Post)", "(Lund Police/Handout)" (not "(Labour/Green Party)", "(North Lund/Vik Bay)")
_CAPITALIZED = r"[A-Z][\w.'’&-]*"
_OUTLET = (r"(?=[^)]*\b(?:[A-Z]{2,}|Post|Press|Times|News|Images|Photo|Photos|Handout|Getty|Daily|Herald|Tribune|Journal|"
           r"Telegraph|Guardian|Globe|Star|Chronicle|Gazette|Pool|Staff)\b)")
SLASH_CREDIT = re.compile(rf"\(\s*{_CAPITALIZED}(?: {_CAPITALIZED}){{0,3}}\s*/\s*{_OUTLET}{_CAPITALIZED}(?: {_CAPITALIZED}){{0,3}}"
                          r"\s*\)$")
# A picture's credit ending a caption in brackets, after "Photo:", "Image:" or "Photo by": "(Photo: Ole Vik, Lund Daily)"
PICTURE_CREDIT = re.compile(r"\((?:Photo|Photos|Image|Images|Picture|Photograph)(?: by|:)[^()]{2,80}\)\s*$")
CAPTION_WORDS = 80  # a caption with such a credit may tell two or three sentences
SECTION_LABEL = re.compile(r"^[A-Z][A-Z'&.-]*( [A-Z][A-Z'&.-]*){0,4}\s*\|\s")  # "FACT CHECK | ..."
RUNNING_TIME = re.compile(r"\(\d{1,2}:\d{2}\)\s+[A-Z]")  # a video's title and length: "Fares soar (3:40) As ..."
POST = re.compile(r"\.?@\w+:?\s")  # a post quoted from its handle: "@harbourwatch: Pier closed again."
WIDGET = re.compile(r"^\[[^\]]*\]?\s*$|\[(read|related|see|watch|more|click)\b", re.IGNORECASE)
# A team's line-up: a name, a colon and only names ("Lund: Vik; Berg, Holm (Aas 46), ...; Ruud.").
LINE_UP = re.compile(r"[A-Z][\w .'’&-]{1,40}: [A-Z][\w'’-]+;(?: [A-Z][\w'’-]+(?: \([^)]*\))?[,;]){3,} [A-Z][\w'’-]+"
                     r"(?: \([^)]*\))?\.?")
JSON_FIELD = re.compile(r'"\w+":\s*["\[{\d]|"\w+":\s*(?:true|false|null)\b')  # a page's script data: '"hideDetails":"Hide"'
JSON_FIELDS = 2  # not a quoted word before a colon in prose: 'was "unsafe": 14 of the 20 vessels failed'
HASHTAGS_AT_END = re.compile(r"(?<![\w&])(?:#[A-Za-z]\w*\s+){2,}#[A-Za-z]\w*\W*$")  # a post's tags: "... #harbour #lundbay #ferries"
ALL_CAPS = re.compile(r"^\(?[A-Z][A-Z .'-]{2,}\)?\s*$")


def _index(rules: list[tuple[str, str]], flags: int = 0) -> dict[str, list[re.Pattern]]:
    index: dict[str, list[re.Pattern]] = {}
    for words, pattern in rules:
        compiled = re.compile(pattern, flags)
        for word in words.split():
            index.setdefault(word, []).append(compiled)
    return index


RULES_BY_WORD = _index(RULES, re.IGNORECASE)
CASED_RULES_BY_WORD = _index(CASED_RULES)
_TRIGGERS = [(index, frozenset(index)) for index in (RULES_BY_WORD, CASED_RULES_BY_WORD)]
TRIGGER_TOKEN = re.compile(r"[a-z0-9©]+")

# A dateline opening a paragraph: "PARIS (AP) --", "Paris CNN —", "BRUSSELS, January 22 (Xinhua) --",
# "LOS ANGELES (CBSLA.com) —", "LUND (LTV/NRK) —", "LONG BEACH - ", "LUND BAY >> ", "Lund, 12 May 2031 --".
_PLACE = (r"(?:[A-Z][A-Za-z.'/-]*(?:[ ,]+[A-Z][A-Za-z.'/-]*)*(?:,? (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)(?: \d{4})?)?"
          r",?\s*)?")
_STATE = r"(?:, (?:D\.C\.|[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?))?"  # after a city in capitals: ", Ala.", ", Peru", ", D.C."
_ACRONYMS = r"(?!(?:NATO|OPEC|NASA|FIFA|UEFA|IAEA)\b)"  # no place: "NATO—Russia talks", "NASA, Boeing - "
# (not a transcript's stage note: "(VOICEOVER)", "(V/O)", "(SOT)", "(CONT'D)")
_AGENCY = (r"(?:\(?(?:AP|AFP|CNN|Reuters|Xinhua|UPI|Bloomberg|dpa)\)?"
           r"|\((?!(?i:voice-?over|v/?o|sot|cont['’]?d|on camera|o/?c)\))[A-Z][\w.&'/-]*(?: (?:&|[A-Z][\w.&'/-]*)){0,3}\))")
# A press release's issuer and wire after its place and day: "LUND, June 3, 2031 /Lund Lines via PRNewswire/ --"
WIRE_ISSUER = r"[A-Z][\w.&'’-]*(?: (?:&|[A-Z][\w.&'’-]*)){0,3}"
WIRE = rf"/{WIRE_ISSUER}(?: via {WIRE_ISSUER})?/"
WIRE_DATELINE = re.compile(rf"^\s*[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*)*,? (?:[A-Z][a-z]+\.? \d{{1,2}},?|\d{{1,2}} "
                           rf"[A-Z][a-z]+) \d{{4}} ?{WIRE} ?(?:--|—|–)\s+")
DATELINE = re.compile(rf"^\s*{_PLACE}(?:{_AGENCY}\s*(?:--|—|–|-)|(?:--|—|–))\s+"
                      # its dash run into the first word after an abbreviation or an agency: "LUND, Ill. --A skipper"
                      rf"|^\s*{_PLACE}(?:{_AGENCY} )?(?<=[.)] )(?:--|—|–)(?=[A-Z0-9\"“‘])"
                      r"|^\s*(?:[A-Z][A-Za-z.'-]*,? )*\((?:AP|AFP|CNN|Reuters|Xinhua|UPI)\)\s*(?=[A-Z\"“‘'])"
                      # "LONG BEACH - ", "MOBILE, Ala. - ", "LUND BAY >> ", not "US - China"
                      rf"|^\s*{_ACRONYMS}(?:[A-Z]{{4,}}|[A-Z]{{2,}}(?:[ ,.]+[A-Z]{{2,}})+)\.?{_STATE},? (?:-|>>) (?=[A-Z])"
                      # a press release's: "LUND BAY (March 3, 2031) - The harbour board ..."
                      rf"|^\s*{_ACRONYMS}(?:[A-Z]{{4,}}|[A-Z]{{2,}}(?:[ ,.]+[A-Z]{{2,}})+)\.?{_STATE},? \([A-Z][a-z]+\.? \d{{1,2}}, "
                      r"\d{4}\) ?(?:--|—|–|-) ?(?=[A-Z])"
                      # "OKLAHOMA CITY—When", "OSLO—The", "LIMA, Peru—The", not "NATO—Russia talks"
                      rf"|^\s*{_ACRONYMS}(?:[A-Z]{{4,}}|[A-Z]{{2,}}(?:[ ,.]+[A-Z]{{2,}})+)\.?"
                      rf"{_STATE},?(?:—|–|--)(?=[A-Z])"
                      # places of a dateline whose agency and dash the page lost: "OSLO/STOCKHOLM Ferry operators ..."
                      r"|^\s*[A-Z]{4,}(?:/[A-Z]{4,})+\s+(?=[A-Z][a-z])")  # not "CNN/ORC Poll", "HIV/AIDS Week"
# A dateline with a colon opening an article's first paragraph: "LAHORE: A mob ...", "Lund Bay: Police are ..." (a
# speaker's label opens a first-person line: "VIK: We will sail"; a fact box's, one word not in capitals: "Injuries:
# Three"; a title's second half is no sentence: "Kong: Skull Island"), or the place the sentence then names: "Los Angeles:
# The Los Angeles Police Department ..." (not "Ada Lind: The Lund Harbour Authority lied.", "Star Trek: The Next ...").
_COLON_PLACE = r"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
COLON_DATELINE = re.compile(rf"{_COLON_PLACE}:\s+(?=[\"“]?[A-Z][a-z'’]*,? [a-z])"
                            rf"|(?P<place>{_COLON_PLACE}):\s+(?=The (?P=place)\b)")
# A place in capitals whose dateline lost its agency and dash, before an article's first sentence: "CHICAGO An
# Illinois judge ...", "BEIRUT Syria has ..." (see _bare_dateline; not "NATO Secretary General ...", "GRACE Andersen,
# 41,"), before a word that opens a sentence: a determiner, a preposition, or a word before one in lower case
BARE_DATELINE = re.compile(rf"\s*{_ACRONYMS}([A-Z]{{4,}}|[A-Z]{{2,}}(?: [A-Z]{{2,}}){{1,2}}) "
                           r"(?=((?:The|An?|In|On|At|After|When)\b|[A-Z][a-z]+(?=,? [a-z])))")
ARTICLES = ("The", "A", "An")  # after a word in capitals: a bare dateline, whatever the word ("OSLO A Norwegian court")
SENTENCE_OPENER = 1e-5  # the word after a bare dateline is at least this frequent in general English ("An", "Syria")
FIRST_PERSON_WORD = re.compile(r"\b(I|myself|ourselves|I'm|I’m|I've|I’ve|I'd|I’d|we|We|my|My|our|Our|me|us)\b")
TRUNCATED = re.compile(r"(\.\.\.|…)[\s…'\"”’)\]]*$")
TERMINAL = re.compile(r"[.!?…]['\"”’)\]]*\s*$")
ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # deletes them
SHORT_PARAGRAPH_WORDS = 40  # a paragraph of junk this short is dropped whole
# A caption's credit after its last sentence: "... waves to the crowd in Lund on Monday. | LTV", "... at the pier in
# 2031. harbourphotos.com" (a site in lower case: "... visit its website. Cancer.org" names a source)
CREDIT_DOMAINS = (".com", ".net", ".org", ".co.uk")
CREDIT_AT_END = re.compile(r"[.!?\"”] (?:\| [A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,2}|[a-z][\w-]*(?:\.[\w-]+)*"
                           rf"(?:{'|'.join(re.escape(domain) for domain in CREDIT_DOMAINS)}))\s*$")
FILE_NAME_WORD = re.compile(r"\d{6,}[\w-]*|[\w-]*\d{6,}")


def is_junk(line: str) -> bool:
    """True for a line or sentence that is page furniture rather than reporting."""
    line = line.strip()
    if not line:
        return True
    letters = len(line) - len(line.translate(ASCII_LETTERS))
    length = len(" ".join(line.split())) if "  " in line else len(line)  # blanks left by marks taken out count once
    if letters < 0.5 * length or _is_file_name(line):
        return True
    if line.isupper() and ALL_CAPS.search(line):
        return True
    if (line[0] in ".@" and POST.match(line)) or ("[" in line and WIDGET.search(line)) \
            or (":" in line and (LABEL_INSIDE.search(line) or RUNNING_TIME.search(line))):
        return True
    if ('":' in line and len(JSON_FIELD.findall(line)) >= JSON_FIELDS) or ("#" in line and HASHTAGS_AT_END.search(line)):
        return True
    if (line[0].isdigit() or "Page " in line) and PRINTED_NOTE.fullmatch(line):
        return True
    if line[-1] == ")" and ((SLASH_CREDIT.search(line) and len(line.split()) <= SHORT_PARAGRAPH_WORDS)
                            or (PICTURE_CREDIT.search(line) and len(line.split()) <= CAPTION_WORDS)):
        return True
    if ("|" in line or line.endswith(CREDIT_DOMAINS)) and CREDIT_AT_END.search(line):
        return True
    if BREADCRUMB.search(line) or ("|" in line and SECTION_LABEL.match(line)) or (";" in line and LINE_UP.fullmatch(line)) \
            or (("—" in line or "–" in line) and SIGNED.search(line)):
        return True
    words = set(TRIGGER_TOKEN.findall(line.lower()))
    return any(
        pattern.search(line)
        for index, triggers in _TRIGGERS
        for word in words & triggers
        for pattern in index[word]
    )


def is_truncated(sentence: str) -> bool:
    """True for a sentence cut off by an ellipsis, as teasers and link previews are ("He said the...")."""
    return TRUNCATED.search(sentence) is not None


def is_heading(line: str) -> bool:
    """True for a title, subhead or label: a short line that does not end like a sentence."""
    return not TERMINAL.search(line) and len(line.split()) <= 20


def _is_file_name(line: str) -> bool:
    """Bare image file names such as '20170311 harbour fire photo'."""
    words = line.split()
    return len(words) <= 8 and not TERMINAL.search(line) and any(FILE_NAME_WORD.fullmatch(w) for w in words)


# A headline run into the dateline after it: "Guitarist Sues Lund for Bias LUND, Minn. (CN) - " (its words capitalized
# but for short ones, the dateline's place in capitals and its agency in brackets)
HEADLINE_DATELINE = re.compile(
    rf"^\s*(?P<headline>[\"“‘']?[A-Z][\w.'’:-]*[\"”]?(?: (?:[\"“‘']?[A-Z0-9][\w.'’:,-]*[\"”]?|a|an|the|of|for|to|in|on|at|and|or|with|by|as|over|after|from|"
    rf"into|vs\.?)){{2,20}}) {_ACRONYMS}[A-Z]{{2,}}(?:[ ,.]+[A-Z]{{2,}})*\.?{_STATE},? \([A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,3}}\) ?"
    rf"(?:--|—|–|-)\s+(?=[A-Z0-9\"“‘'])")


def strip_dateline(line: str) -> int:
    """Number of leading characters that are a dateline, and a headline run into it (0 when there is none)."""
    match = DATELINE.match(line)
    match = (match if match and len(match.group(0)) <= 60 else WIRE_DATELINE.match(line)) or _headline_dateline(line)
    if not match:
        return 0
    place_lost = not match.group(0).strip(" —–-") and line[match.end():][:1].isupper()  # "— The girls ..."
    return match.end() if re.search(r"[A-Z]", match.group(0)) or place_lost else 0


def _headline_dateline(line: str) -> re.Match | None:
    """A headline run into the dateline that opens ``line`` (see HEADLINE_DATELINE), when the headline is no label
    in capitals ("PER HOLM, FERRY CAPTAIN (VOICEOVER) - ")."""
    match = HEADLINE_DATELINE.match(line)
    return match if match and re.search(r"[a-z]", match.group("headline")) else None


def _colon_dateline(paragraph: str) -> int:
    """Number of leading characters that are a dateline with a colon (COLON_DATELINE) before a first sentence
    in the third person; 0 when there is none."""
    match = COLON_DATELINE.match(paragraph)
    label = match.group(0).split(":")[0] if match else ""
    if not match or (" " not in label and not label.isupper()):
        return 0  # "Injuries: Three firefighters ...": a fact box's label
    first = paragraph[match.end():match.end() + 300].split(". ")[0]
    return 0 if FIRST_PERSON_WORD.search(QUOTATION.sub("", first)) or len(first.split()) < 6 else match.end()


def _bare_dateline(paragraph: str, text: str) -> int:
    """Number of leading characters that are a place in capitals (BARE_DATELINE) before an article ("OSLO A
    Norwegian court ...": no name goes on so), or one that ``text`` also writes as a name after a word in lower case
    ("in Chicago"; not "Every islander"), before a frequent word that no name of it goes on with ("Chicago An" is
    none; "Scarlett Johansson" is); 0 when there is none: an acronym, a word in capitals opening a sentence or a
    name."""
    match = BARE_DATELINE.match(paragraph)
    if not match or word_frequency(match.group(2).lower()) < SENTENCE_OPENER:
        return 0
    if match.group(2) in ARTICLES and paragraph.startswith(" ", match.end(2)):  # not an initial: "ANNA A. Vik"
        return match.end()
    place = match.group(1).title()
    named = re.search(rf"\b[a-z]+ {place}\b", text) and f"{place} {match.group(2)}" not in text
    return match.end() if named else 0


def strip_label(paragraph: str) -> int:
    """Number of leading characters that are a page's label run into the paragraph's first sentence
    ("Analysis There was talk of ...", "Advertisement The fire ..."; see GLUED_LABEL; 0 when there is none)."""
    match = GLUED_LABEL.match(paragraph)
    return match.end() if match else 0


# The line that signs an embedded post, under its text: "— Lund Harbour Authority (@LundHarbour) March 10, 2031"
POST_SIGNATURE = re.compile(r"[ \t]*[—–-]+[ \t]*[^\n]{1,80}\(@\w{1,15}\)[ \t]*\w+\.? \d{1,2}, \d{4}[ \t]*$", re.MULTILINE)


FORWARDED = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:-{2,}[ \t]*Forwarded message[ \t]*-{2,}|Begin forwarded message:)[ \t]*\r?$",
                       re.MULTILINE | re.IGNORECASE)  # in a reply's quoted lines too: "> ---------- Forwarded message"


# The line that ends a press release's text, "ENDS", "-ends-", "###", "- 30 -", or opens its notes, "Notes to editors:",
# when its notes, contacts or "About ..." follow (RELEASE_NOTES)
RELEASE_END = re.compile(r"^[ \t]*(?:-*[ \t]*(?i:ends)[ \t]*-*|#{3}|-[ \t]*30[ \t]*-|(?i:notes? (?:to|for) editors|(?:media|press) "
                         r"contacts?):?)[ \t]*$", re.MULTILINE)
RELEASE_NOTES = re.compile(r"[ \t]*(?:(?i:notes? (?:to|for) editors|(?:media|press) (?:contacts?|enquiries|inquiries)|contacts?):"
                           r"|About [A-Z][^\n]{0,60}:[ \t]*$"
                           # "About Lund Lines" | "Lund Lines has carried ...": the issuer's boilerplate under its name
                           r"|About (?P<issuer>[A-Z][\w.&'’-]*)(?: [A-Z][\w.&'’-]*){0,5}[ \t]*\r?\n[ \t]*(?P=issuer)\b)", re.MULTILINE)


# A report's notes or references, under a heading of their own
NOTES_HEADING = re.compile(r"^[ \t]*(?i:notes|references|footnotes|endnotes|sources|bibliography|works cited)[ \t]*:?[ \t]*\r?$",
                           re.MULTILINE)

# A transcript's host, who tells the news as the programme's own (kept, the label cut off): "PRESENTER: ", and its
# correspondent, narrating a report ("HARTE (voice-over): "); not a reporter, who at a news conference asks, and may claim
HOST_LABEL = re.compile(r"(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}, (?:(?!(?i:former|ex)\b)[\w.'&-]+ ){0,4})?"  # "ANNA REYES,
                        r"(?i:presenter|host|anchor|newsreader|newscaster|narrator)(?: \([^()\n]{1,40}\))?:\s+"  # CHANNEL 7 ANCHOR: "
                        r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z0-9][A-Z0-9.'&-]*(?: [A-Z0-9][A-Z0-9.'&-]*){0,6})?"
                        r" \((?i:voice-over|voiceover|v/o)\):\s+")  # a report's narration: "HOLM (voice-over): "


def clean_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` worth keeping (hard-wrapped lines joined), datelines, labels run
    into a paragraph, junk, a transcript's labelled lines (but what its host tells, see HOST_LABEL, in any text, and
    what a speaker it names in full tells, see spoken_spans), the text of an embedded post (the paragraph over
    its signature, POST_SIGNATURE), a fact box's entries (see _record_fields; the sentences after them in their
    paragraph are kept), what comes before a forwarded e-mail's article (FORWARDED) and after a press
    release's end (RELEASE_END) or a report's notes (NOTES_HEADING) removed. A paragraph of junk is dropped whole
    when it is short or opens with junk (a notice, a gallery's captions); otherwise (an article delivered as
    one paragraph with an address in it) its sentences are judged one by one (``prose_sentences``)."""
    return [(start, end) for start, end, _ in spoken_spans(text)]


def spoken_spans(text: str) -> list[tuple[int, int, str]]:
    """The spans of clean_spans, each with who tells it: '' for the text's own (its host's too), a transcript's speaker
    (see _turns) for the sentences they tell (see _told)."""
    spans: list[tuple[int, int, str]] = []
    forwarded = FORWARDED.search(text)  # a forwarded e-mail: the article is below the note of who forwards it,
    article_start = forwarded.start() if forwarded and len(text) - forwarded.end() > forwarded.start() else -1  # if longer
    article_end = min(_release_end(text, article_start + 1), _notes_start(text))
    paragraphs = [span for span in paragraph_spans(text) if article_start < span[0] < article_end]
    labelled = _labelled(text, paragraphs)
    transcript = sum(labelled) >= TRANSCRIPT_LABELS
    turns = _turns(text, paragraphs, labelled) if transcript else [None] * len(paragraphs)
    fields, boxed = _record_fields(text, paragraphs)
    posted = [POST_SIGNATURE.match(text, start) is not None for start, _ in paragraphs[1:]] + [False]
    for (start, end), speaker, turn, field, post, box in zip(paragraphs, labelled, turns, fields, posted, boxed):
        host = HOST_LABEL.match(text, start) if speaker else None
        if host:
            spans += [(a, b, "") for a, b in _told(text, host.end(), end)]
        elif turn:
            spans += [(a, b, turn[0]) for a, b in _told(text, turn[1], end, talk=True)]
        if (transcript and (speaker or turn)) or field or host or post:
            continue
        if box:  # a fact box's entry ("Size: 85,000 acres."): the sentences after it may tell more
            entry = split_sentences(text, start, end)[:1]
            start = entry[0][1] if entry else end
            start += len(text[start:end]) - len(text[start:end].lstrip())
        start += strip_label(text[start:end])
        body = text[start:end]
        if is_heading(body) or (is_junk(body) and _junk_throughout(body)):
            continue
        start += strip_dateline(body) or (0 if spans or transcript else _bare_dateline(body, text) or _colon_dateline(body))
        if end > start:
            spans.append((start, end, ""))
    return spans


def _turns(text: str, paragraphs: list[tuple[int, int]], labelled: list[bool]) -> list[tuple[str, int] | None]:
    """For each paragraph of a transcript, who tells it and where what they say begins: a speaker it names in full
    (see _speaker), in the paragraph their label opens and the unlabelled ones after it; None for the rest: what
    comes before the first label, a questioner's turn, stage notes ("[00:04:12]", "(crosstalk)"), and an answer to the
    turn above it that asks or breaks off ("REPORTER: How long will the island be cut off?" | "VIK: It could be weeks.";
    "HOST: And the passengers who were on board" | "VIK: All got off."), which leans on it."""
    turns: list[tuple[str, int] | None] = []
    who, above = "", ""
    speakers: dict[str, str] = {}  # label -> speaker: each label looked up in the text once
    for (start, end), speaker in zip(paragraphs, labelled):
        if STAGE_NOTE.fullmatch(text, start, end):
            turns.append(None)
            continue
        answer = bool(above) and ("?" in QUOTATION.sub("", above) or not SAYS_ALL.search(above))
        label = (SPEAKER_LABEL.match(text, start) or SURNAME_LABEL.match(text, start)) if speaker else None
        if label:
            if label.group(0) not in speakers:
                speakers[label.group(0)] = _speaker(text, label.group(0))
            who = speakers[label.group(0)]
        turns.append((who, label.end() if label else start) if who and not answer else None)
        above = text[start:end].rstrip()
    return turns


SAYS_ALL = re.compile(r"[.!…]['\"”’)]*$")  # a turn that ends what it says, not one that breaks off ("the banks are saying--")
STAGE_NOTE = re.compile(r"\s*[\[(][^\])\n]*[\])]\s*")  # "[00:04:12]", "(crosstalk)"
# Labels that name no speaker: "FILE PHOTO:", "UPDATE:", "TRANSCRIPT:", "FINAL:"
NO_SPEAKER = re.compile(r"(?i)\b(?:photo|file|update|note|correction|caption|credit|video|watch|breaking|transcript|"
                        r"final|score|traffic|weather|sports?)\b")
# Who asks at a news conference: "REPORTER:", "POST REPORTER:", "QUESTION:", "UNIDENTIFIED MALE:"
QUESTIONER = re.compile(r"(?i)\b(?:reporter|correspondent|question|audience|unidentified|unknown|crosstalk)\b")


def _speaker(text: str, label: str) -> str:
    """The speaker a transcript's ``label`` names ("MAYOR LINDQVIST: " -> "Mayor Lindqvist", the name spelled as the text
    spells it: "O'NEIL" -> "O'Neil"), when the text names them in full ("I'm Ingrid Lindqvist, mayor of Skelby") and
    their surname is rare in general English; '' for any other label: a questioner's, a section's ("TRAFFIC:"), an
    outlet's ("LUND POST:"), a person the text never names in full ("FIRE CHIEF:", "TRUMP:")."""
    words = re.split(r"[,(]", label)[0].rstrip(": \t\n").split()  # "VIK, HARBOUR MASTER (on phone): " -> Vik
    surname = _as_written(words[-1], text)
    if QUESTIONER.search(label) or NO_SPEAKER.search(label) or not surname or word_frequency(surname.lower()) >= RARE_WORD:
        return ""
    person = people_in_full([text], {surname}).get(surname)
    if person is None:
        return ""
    return " ".join(_as_written(word, person.name) or (word.capitalize() if word.isupper() else word) for word in words)


def _as_written(word: str, text: str) -> str:
    """``word`` as ``text`` first writes it not in capitals ("O'NEIL" -> "O'Neil"); '' when it never does."""
    return next((found.group() for found in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
                 if not found.group().isupper()), "")


def _release_end(text: str, start: int) -> int:
    """Where a press release's text ends (see RELEASE_END), before its notes and contacts: at a mark that opens them,
    or that the next line's notes follow; the end of ``text`` for any other text."""
    for end in RELEASE_END.finditer(text, start):
        following = text[end.end():end.end() + 80].lstrip("\r\n")  # the next line
        if end.start() > start and (RELEASE_NOTES.match(text, end.start()) or RELEASE_NOTES.match(following)):
            return end.start()
    return len(text)


def _notes_start(text: str) -> int:
    """Where a report's notes or references begin: a heading of its own ("Notes", "References", "Footnotes", ...) in
    the second half of ``text``; the end of ``text`` when there is none."""
    heading = NOTES_HEADING.search(text, len(text) // 2)
    return heading.start() if heading else len(text)


def _told(text: str, start: int, end: int, talk: bool = False) -> list[tuple[int, int]]:
    """The spans of the sentences a transcript's host or speaker says (``text[start:end]``, after the label) that tell
    the news: not questions, nor those addressed to the guest or the listener ("you"), nor the programme's own
    ("Let's start with ...", "Traffic and weather next"); with ``talk``, a speaker's, not talk either ("Well, ...",
    "No, not at all.", "...vision", "is-- going")."""
    flat = text[start:end].translate(LINE_BREAKS)  # a wrapped paragraph's lines read as one
    return [(start + a, start + b) for a, b in split_sentences(flat)
            if not ADDRESSED.search(flat, a, b) and not flat[a:b].rstrip().endswith("?") and not is_junk(flat[a:b])
            and not (talk and (TALK.match(flat, a) or FALTERS.search(flat, a, b)))]


FALTERS = re.compile(r"\w--(?=\s)")  # speech that breaks off: "There is-- going to be a contest"
TALK = re.compile(r"[.…-]|(?:Well|No|Yes|Yeah|Look|Oh|So|Okay|OK|Right|Listen|Sure|Absolutely|Exactly),")


# what a host says to the guest or the listener, or of the programme: "you", "we", "Welcome back", "Thank you", "Dr
# Okafor, the chief engineer, speaking there."
ADDRESSED = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Ll]et['’]s|[Ww]e|[Oo]ur|I|[Mm]e|[Ww]elcome|[Tt]hanks?|"
                       r"speaking there)\b")


def _labelled(text: str, paragraphs: list[tuple[int, int]]) -> list[bool]:
    """Whether each paragraph opens on a speaker's label: SPEAKER_LABEL, or SURNAME_LABEL for a surname
    that labels TRANSCRIPT_LABELS paragraphs, is no word of general English ("Police:") and that ``text``
    names in full."""
    surnames = [found.group(1) if (found := SURNAME_LABEL.match(text, start)) else "" for start, _ in paragraphs]
    named = {name for name, count in Counter(filter(None, surnames)).items()
             if count >= TRANSCRIPT_LABELS and word_frequency(name.lower()) < RARE_WORD
             and re.search(rf"\b[A-Z][a-z]+ {name}\b", text)}
    return [bool(SPEAKER_LABEL.match(text, start)) or surname in named
            for (start, _), surname in zip(paragraphs, surnames)]


# A field's label opening a paragraph: "Category: ...", "Suggested replacement: ..." (not who speaks: "He said: ...")
FIELD_LABEL = re.compile(r"(?!(?:He|She|They|It|We|I|You)\b)[A-Z][\w'’-]*(?: (?!(?:said|says|added|adds|told|tells|"
                         r"asked|wrote)\b)[\w'’-]+){0,2}:[ \t]")
RECORD_FIELDS = 3  # labels that each open RECORD_LABELS paragraphs or more: a list of records, not prose
RECORD_LABELS = 3
FACT_BOX_LABELS = 4  # different one-word labels opening paragraphs: a fact box ("Injuries: ...", "Size: ...")
NO_FACT_LABEL = re.compile(rf"(?:{WEEKDAYS}|{MONTHS}|Update|Updated|Analysis|Reaction|Background|Context|Correction|"
                           r"Note|Opinion|Explainer|Related|Video|Watch|Listen|Photos?|Read|More|Breaking|Exclusive)\b")


def _record_fields(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[bool], list[bool]]:
    """Whether each paragraph is a field of a list of records: it opens on a label (FIELD_LABEL) that opens
    RECORD_LABELS paragraphs or more, of a text with RECORD_FIELDS such labels ("Business: ...", "Category: ...",
    "Based in: ...", again and again; not a live blog's "Update: ..." and "Analysis: ...", nor "He said: ..."); and
    whether it is an entry of a fact box: it opens on a label of a text with FACT_BOX_LABELS different one-word
    ones ("Injuries: ...", "Size: ...", then "Weather outlook: ..." too), not a day's, a month's or a live blog's
    (NO_FACT_LABEL: "Monday: ...", "Update: ...")."""
    labels = [found.group(0) if (found := FIELD_LABEL.match(text, start)) else "" for start, _ in paragraphs]
    repeated = {label for label, count in Counter(filter(None, labels)).items() if count >= RECORD_LABELS}
    facts = [label if label and not NO_FACT_LABEL.match(label) else "" for label in labels]
    fact_box = len({label for label in facts if label and " " not in label.rstrip()}) >= FACT_BOX_LABELS
    return ([len(repeated) >= RECORD_FIELDS and label in repeated for label in labels],
            [fact_box and bool(label) for label in facts])


def _junk_throughout(paragraph: str) -> bool:
    """Whether a paragraph that holds junk is junk as a whole: short, a caption with its picture's credit (see
    PICTURE_CREDIT), or junk from its first sentence."""
    words = len(paragraph.split())
    if words <= SHORT_PARAGRAPH_WORDS or (words <= CAPTION_WORDS and PICTURE_CREDIT.search(paragraph)):
        return True
    first = split_sentences(paragraph)[:1]
    return not first or is_junk(paragraph[first[0][0]:first[0][1]])
