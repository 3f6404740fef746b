use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let qs: Vec<String> = std::env::args().skip(2).collect();
    let t = Instant::now();
    let lib = takeaway::loader::load_paths(&[std::path::PathBuf::from(dir)]).library;
    eprintln!("load {:?}", t.elapsed());
    let t = Instant::now();
    let idx = takeaway::search::Index::new(&lib);
    eprintln!("index {:?}", t.elapsed());
    for q in &qs {
        let p = takeaway::search::parse(q).unwrap();
        let mut times = vec![];
        let mut n = 0;
        for _ in 0..20 {
            let t = Instant::now();
            n = idx.find(&p, &takeaway::search::NoMarks).len();
            times.push(t.elapsed());
        }
        times.sort();
        eprintln!("{q:>20} {n:>7} p50 {:?} min {:?}", times[10], times[0]);
    }
}
