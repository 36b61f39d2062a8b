# SPDX-License-Identifier: MIT
# cleardb_debian_date(YYYY-MM-DD OUT): the RFC 2822 date a Debian changelog trailer needs
# ("Wed, 25 Nov 2026 12:00:00 +0000"), computed from the release date so the date is written once.
# The weekday comes from Zeller's congruence, since CMake cannot parse a date.
function(cleardb_debian_date iso out)
    if(NOT iso MATCHES "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$")
        message(FATAL_ERROR "CLEARDB_RELEASE_DATE must be YYYY-MM-DD, not \"${iso}\"")
    endif()
    set(year ${CMAKE_MATCH_1})
    math(EXPR month "${CMAKE_MATCH_2}")
    math(EXPR day "${CMAKE_MATCH_3}")
    set(m ${month})
    set(y ${year})
    if(m LESS 3) # Zeller counts January and February as months 13 and 14 of the previous year
        math(EXPR m "${m} + 12")
        math(EXPR y "${y} - 1")
    endif()
    math(EXPR h "(${day} + (13 * (${m} + 1)) / 5 + ${y} % 100 + (${y} % 100) / 4 + (${y} / 100) / 4 + 5 * (${y} / 100)) % 7")
    set(weekdays "Sat;Sun;Mon;Tue;Wed;Thu;Fri")
    list(GET weekdays ${h} weekday)
    set(names "Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec")
    math(EXPR index "${month} - 1")
    list(GET names ${index} monthname)
    if(day LESS 10)
        set(day "0${day}")
    endif()
    set(${out} "${weekday}, ${day} ${monthname} ${year} 12:00:00 +0000" PARENT_SCOPE)
endfunction()
